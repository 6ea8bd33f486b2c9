package dev.lanyard.provisioning.login.adapter.kafka;

/**
 * The schema registry could not be reached to read a record; a later attempt may work.
 */
public final class RegistryUnavailableException extends RuntimeException {

	public RegistryUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
