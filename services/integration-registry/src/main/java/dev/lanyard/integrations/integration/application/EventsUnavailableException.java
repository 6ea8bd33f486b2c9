package dev.lanyard.integrations.integration.application;

/**
 * A change's IntegrationChanged event was not acknowledged in time, so the change was
 * rolled back. A retry can help once Kafka is reachable again.
 */
public final class EventsUnavailableException extends RuntimeException {

	public EventsUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
