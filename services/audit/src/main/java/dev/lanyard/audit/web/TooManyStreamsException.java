package dev.lanyard.audit.web;

/** Every slot for a long read is taken; answered 429 with a Retry-After. */
public final class TooManyStreamsException extends RuntimeException {

	private final int slots;

	TooManyStreamsException(int slots) {
		super("At most " + slots + " exports, bundles or full checks run at once; try again when one has finished");
		this.slots = slots;
	}

	public int slots() {
		return this.slots;
	}

}
