package dev.lanyard.audit.ledger.application;

/**
 * The stored log no longer extends the last signed checkpoint: nothing is signed over it
 * until a person looks (a retry cannot help).
 */
public final class LogIntegrityException extends RuntimeException {

	public LogIntegrityException(String message) {
		super(message);
	}

}
