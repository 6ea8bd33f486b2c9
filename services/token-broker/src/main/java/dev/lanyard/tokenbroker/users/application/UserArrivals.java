package dev.lanyard.tokenbroker.users.application;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes the requests waiting for a user whenever this instance changed the read model.
 * Another instance may change the shared read model too, so waiters also look again on
 * their own after a short pause.
 */
public final class UserArrivals {

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = this.lock.newCondition();

	private long generation;

	public void signal() {
		this.lock.lock();
		try {
			this.generation++;
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/** A number that changes with every {@link #signal()}. */
	public long generation() {
		this.lock.lock();
		try {
			return this.generation;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Waits until a signal after {@code seen} or for at most {@code nanos}.
	 */
	public void awaitAfter(long seen, long nanos) throws InterruptedException {
		this.lock.lock();
		try {
			long remaining = nanos;
			while (this.generation == seen && remaining > 0) {
				remaining = this.changed.awaitNanos(remaining);
			}
		}
		finally {
			this.lock.unlock();
		}
	}

}
