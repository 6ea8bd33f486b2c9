package dev.lanyard.tokenbroker.readmodels.adapter.kafka;

/**
 * A record cannot be used for a read model; reading it again cannot help, so it is
 * dead-lettered. The message names types and fields, never values: it goes into log lines
 * and dead-letter headers.
 */
public final class UnreadableRecordException extends RuntimeException {

	public UnreadableRecordException(String message) {
		super(message);
	}

}
