package dev.lanyard.audit.trail.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * What the audit trail keeps of one event: the fields every event carries, plus the
 * subject, content, integration and credential where the event has them.
 *
 * @param eventId the event's own id, the idempotency key
 * @param eventType the event's record name, e.g. {@code TokenIssued}
 * @param occurredAt when it happened
 * @param correlationId the request or flow that caused it
 * @param producer the service that published it
 * @param actorId who caused it, or {@code null}
 * @param subject whom it is about, or {@code null}
 * @param contentId the content it concerns, or {@code null}
 * @param integrationId the integration it concerns, or {@code null}
 * @param token the credential it concerns, or {@code null}
 */
public record AuditEvent(UUID eventId, String eventType, Instant occurredAt, String correlationId, String producer,
		String actorId, Subject subject, String contentId, String integrationId, TokenFacts token) {

	public AuditEvent {
		Guards.notNull(eventId, "eventId");
		Guards.notBlank(eventType, "eventType");
		Guards.notNull(occurredAt, "occurredAt");
		Guards.notNull(correlationId, "correlationId");
		Guards.notBlank(producer, "producer");
		actorId = Guards.blankToNull(actorId);
		contentId = Guards.blankToNull(contentId);
		integrationId = Guards.blankToNull(integrationId);
	}

	/** The event's place in the trail's order (newest first). */
	public Position position() {
		return new Position(this.occurredAt, this.eventId);
	}

}
