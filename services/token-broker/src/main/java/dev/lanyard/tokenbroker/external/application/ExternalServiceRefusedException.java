package dev.lanyard.tokenbroker.external.application;

/**
 * An external service answered a request with a client error (4xx): asking again
 * unchanged cannot help.
 */
public final class ExternalServiceRefusedException extends Exception {

	private final String error;

	private final int status;

	/**
	 * @param error the OAuth error code it answered (e.g. {@code invalid_client}), or
	 * {@code null} when it gave none
	 * @param status the HTTP status
	 * @param message what happened, by ids and codes
	 */
	public ExternalServiceRefusedException(String error, int status, String message) {
		super(message);
		this.error = error;
		this.status = status;
	}

	public String error() {
		return this.error;
	}

	public int status() {
		return this.status;
	}

}
