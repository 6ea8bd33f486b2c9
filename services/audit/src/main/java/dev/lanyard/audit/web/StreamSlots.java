package dev.lanyard.audit.web;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * How many long reads of the whole trail (exports, bundles, full checks) run at once.
 * Each holds a database connection for its whole length, and the pool also serves the
 * consumer that stores events: without a bound, a few auditors' downloads would stop the
 * trail from storing. A read past the bound is refused at once with
 * {@link TooManyStreamsException} (429), not queued.
 */
public final class StreamSlots {

	private final Semaphore slots;

	private final int size;

	public StreamSlots(int size) {
		if (size < 1) {
			throw new IllegalArgumentException("size must be positive");
		}
		this.slots = new Semaphore(size);
		this.size = size;
	}

	/**
	 * A response body holding a slot from now until it has been written or has failed.
	 * @throws TooManyStreamsException when every slot is taken
	 */
	public StreamingResponseBody stream(StreamingResponseBody body) {
		if (body == null) {
			throw new IllegalArgumentException("body cannot be null");
		}
		take();
		return (out) -> {
			try {
				body.writeTo(out);
			}
			finally {
				this.slots.release();
			}
		};
	}

	/**
	 * Runs a long read that answers in one piece, holding a slot while it runs.
	 * @throws TooManyStreamsException when every slot is taken
	 */
	public <T> T run(Supplier<T> read) {
		if (read == null) {
			throw new IllegalArgumentException("read cannot be null");
		}
		take();
		try {
			return read.get();
		}
		finally {
			this.slots.release();
		}
	}

	private void take() {
		if (!this.slots.tryAcquire()) {
			throw new TooManyStreamsException(this.size);
		}
	}

}
