package dev.lanyard.audit.trail.application;

/** The trail refused an event's content; retrying the same event cannot help. */
public final class EventRejectedException extends RuntimeException {

	public EventRejectedException(String message, Throwable cause) {
		super(message, cause);
	}

}
