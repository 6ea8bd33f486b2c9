package dev.lanyard.audit.ledger.application;

/** The log's store cannot be reached or failed in a way a retry may cure. */
public final class LedgerUnavailableException extends RuntimeException {

	public LedgerUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
