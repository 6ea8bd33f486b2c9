package dev.lanyard.platform.kafka.consumer;

/**
 * A record's value is not an event its consumer can use; reading it again cannot help, so
 * it is dead-lettered at once. The message names types and fields, never values: it goes
 * into log lines and dead-letter headers. It keeps no cause, whose message might quote
 * the record.
 */
public final class UnreadableRecordException extends RuntimeException {

	public UnreadableRecordException(String message) {
		super(message);
	}

}
