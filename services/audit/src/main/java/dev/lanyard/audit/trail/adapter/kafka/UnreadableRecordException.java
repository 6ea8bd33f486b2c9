package dev.lanyard.audit.trail.adapter.kafka;

/**
 * A record's value is not a Lanyard event the trail can store; reading it again cannot
 * help. The message names fields and types, never field values: it travels into log lines
 * and dead-letter headers.
 */
public final class UnreadableRecordException extends RuntimeException {

	public UnreadableRecordException(String message) {
		super(message);
	}

}
