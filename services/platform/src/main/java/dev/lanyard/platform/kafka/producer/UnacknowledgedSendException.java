package dev.lanyard.platform.kafka.producer;

/**
 * A record could not be sent, or Kafka did not acknowledge it in time; the caller did not
 * get what it waited for, and a retry later may work. The message names the record and
 * exception types (see {@link dev.lanyard.platform.kafka.SendFailures}), never content.
 */
public final class UnacknowledgedSendException extends RuntimeException {

	UnacknowledgedSendException(String message, Throwable cause) {
		super(message, cause);
	}

}
