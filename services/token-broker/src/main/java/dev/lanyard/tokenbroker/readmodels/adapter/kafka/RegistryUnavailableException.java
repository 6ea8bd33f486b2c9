package dev.lanyard.tokenbroker.readmodels.adapter.kafka;

/**
 * The schema registry could not be asked for a record's schema; reading the record again
 * later may succeed, so it is retried.
 */
public final class RegistryUnavailableException extends RuntimeException {

	public RegistryUnavailableException(String message) {
		super(message);
	}

}
