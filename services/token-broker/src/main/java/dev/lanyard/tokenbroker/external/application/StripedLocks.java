package dev.lanyard.tokenbroker.external.application;

/**
 * A fixed set of monitors, one per hash of a key: callers asking for the same external
 * token wait for one fetch instead of each fetching it, without one lock per key.
 */
public final class StripedLocks {

	private final Object[] locks;

	public StripedLocks(int count) {
		if (count < 1) {
			throw new IllegalArgumentException("count must be positive");
		}
		this.locks = new Object[count];
		for (int i = 0; i < count; i++) {
			this.locks[i] = new Object();
		}
	}

	/** The monitor for this key; equal keys get the same one. */
	public Object lockFor(Object key) {
		if (key == null) {
			throw new IllegalArgumentException("key cannot be null");
		}
		return this.locks[Math.floorMod(key.hashCode(), this.locks.length)];
	}

}
