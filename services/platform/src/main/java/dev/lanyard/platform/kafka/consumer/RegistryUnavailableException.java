package dev.lanyard.platform.kafka.consumer;

/**
 * The schema registry could not be asked for a record's schema; reading the record again
 * later may succeed, so the consumers' error handlers retry it and never dead-letter it.
 */
public final class RegistryUnavailableException extends RuntimeException {

	public RegistryUnavailableException(String message) {
		super(message);
	}

}
