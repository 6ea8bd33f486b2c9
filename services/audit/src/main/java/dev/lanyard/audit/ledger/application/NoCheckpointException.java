package dev.lanyard.audit.ledger.application;

/** Nothing has been signed yet, so there is nothing to prove against. */
public final class NoCheckpointException extends RuntimeException {

	public NoCheckpointException() {
		super("No checkpoint has been signed yet");
	}

}
