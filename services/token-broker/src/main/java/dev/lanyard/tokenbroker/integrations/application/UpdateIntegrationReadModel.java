package dev.lanyard.tokenbroker.integrations.application;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.tokenbroker.integrations.domain.Integration;

/** Keeps the integration read model in step with integration-registry's events. */
public final class UpdateIntegrationReadModel {

	private static final Logger log = LoggerFactory.getLogger(UpdateIntegrationReadModel.class);

	private final IntegrationReadModel integrations;

	public UpdateIntegrationReadModel(IntegrationReadModel integrations) {
		if (integrations == null) {
			throw new IllegalArgumentException("integrations cannot be null");
		}
		this.integrations = integrations;
	}

	public void apply(Integration integration) {
		if (integration == null) {
			throw new IllegalArgumentException("integration cannot be null");
		}
		if (this.integrations.apply(integration)) {
			log.info("Integration {} ({}) now at secret version {}{}", integration.integrationId(),
					integration.kind().value(), integration.secretVersion(), integration.deleted() ? ", deleted" : "");
		}
	}

	/** A tombstone: the integration is gone. */
	public void remove(String integrationId, Instant at) {
		if (integrationId == null || integrationId.isBlank()) {
			throw new IllegalArgumentException("integrationId cannot be blank");
		}
		if (at == null) {
			throw new IllegalArgumentException("at cannot be null");
		}
		this.integrations.markDeleted(integrationId, at);
		log.info("Integration {} removed", integrationId);
	}

}
