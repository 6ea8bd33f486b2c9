package dev.lanyard.provisioning.directory.application;

import java.util.List;

import dev.lanyard.provisioning.directory.domain.ProvisioningEvent;

/**
 * Publishes events durably: returns only once every one of them has been acknowledged, so
 * the caller can commit the changes they describe.
 */
public interface EventPublisher {

	/**
	 * @throws EventsUnavailableException when not every event was acknowledged in time;
	 * the caller must not commit
	 */
	void publish(List<? extends ProvisioningEvent> events);

}
