package dev.lanyard.tokenbroker.clients.application;

/** The request to manage a client was malformed; retrying it unchanged cannot help. */
public final class InvalidClientRequestException extends RuntimeException {

	public InvalidClientRequestException(String message, Throwable cause) {
		super(message, cause);
	}

}
