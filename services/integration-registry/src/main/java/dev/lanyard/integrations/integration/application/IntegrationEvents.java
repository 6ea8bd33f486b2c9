package dev.lanyard.integrations.integration.application;

import dev.lanyard.integrations.integration.domain.IntegrationChanged;

/** Where snapshots go: each publish returns once the event is durably acknowledged. */
public interface IntegrationEvents {

	/**
	 * Publishes and waits for the acknowledgement.
	 * @throws EventsUnavailableException when not acknowledged within the timeout
	 */
	void publish(IntegrationChanged event);

}
