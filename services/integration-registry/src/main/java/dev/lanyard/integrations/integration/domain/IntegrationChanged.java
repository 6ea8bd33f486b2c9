package dev.lanyard.integrations.integration.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * What every change of an integration yields: its snapshot after the change (deleted ones
 * flagged), never its client secret.
 *
 * @param eventId unique id, the idempotency key
 * @param occurredAt when the change happened
 * @param correlationId the request that caused it
 * @param actorId the administrator who made it
 * @param integration the snapshot
 */
public record IntegrationChanged(UUID eventId, Instant occurredAt, String correlationId, String actorId,
		Integration integration) {

	public IntegrationChanged {
		if (eventId == null) {
			throw new IllegalArgumentException("eventId cannot be null");
		}
		if (occurredAt == null) {
			throw new IllegalArgumentException("occurredAt cannot be null");
		}
		if (correlationId == null || correlationId.isBlank()) {
			throw new IllegalArgumentException("correlationId cannot be blank");
		}
		if (integration == null) {
			throw new IllegalArgumentException("integration cannot be null");
		}
	}

}
