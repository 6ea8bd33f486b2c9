package dev.lanyard.tokenbroker.external.application;

/**
 * An external service (a token endpoint, integration-registry) could not be asked or
 * answered with a server error: transient, a later attempt may succeed. The message names
 * ids, statuses and exception types, never a token or secret.
 */
public final class ExternalServiceUnavailableException extends Exception {

	public ExternalServiceUnavailableException(String message) {
		super(message);
	}

	public ExternalServiceUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
