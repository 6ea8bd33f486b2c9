package dev.lanyard.audit.trail.application;

/** The trail could not be reached or failed transiently; a retry may help. */
public final class TrailUnavailableException extends RuntimeException {

	public TrailUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
