package dev.lanyard.provisioning.directory.application;

/**
 * Events could not be acknowledged in time: nothing they describe may be committed. A
 * later attempt may succeed.
 */
public final class EventsUnavailableException extends RuntimeException {

	public EventsUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
