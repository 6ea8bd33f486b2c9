package dev.lanyard.audit.trail.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * What the audit trail keeps of one event: the fields every event carries, plus the
 * subject, content, integration, credential, user, group and outcome where the event has
 * them.
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
 * @param userId the Lanyard user it concerns (its subject when that is a user, or the
 * user a user or group event names), or {@code null}
 * @param groupId the group it concerns, or {@code null}
 * @param outcome {@link Outcome#SUCCESS} or {@link Outcome#FAILURE} (refusals and
 * denials)
 */
public record AuditEvent(UUID eventId, String eventType, Instant occurredAt, String correlationId, String producer,
		String actorId, Subject subject, String contentId, String integrationId, TokenFacts token, String userId,
		String groupId, String outcome) {

	public AuditEvent {
		Guards.notNull(eventId, "eventId");
		Guards.notBlank(eventType, "eventType");
		Guards.notNull(occurredAt, "occurredAt");
		Guards.notNull(correlationId, "correlationId");
		Guards.notBlank(producer, "producer");
		actorId = Guards.blankToNull(actorId);
		contentId = Guards.blankToNull(contentId);
		integrationId = Guards.blankToNull(integrationId);
		userId = Guards.blankToNull(userId);
		if (userId == null && subject != null && Subject.USER.equals(subject.type())) {
			userId = subject.id();
		}
		groupId = Guards.blankToNull(groupId);
		outcome = (outcome != null) ? outcome : Outcome.of(eventType);
	}

	/** An event whose user is its subject (if a user), without group, outcome by type. */
	public AuditEvent(UUID eventId, String eventType, Instant occurredAt, String correlationId, String producer,
			String actorId, Subject subject, String contentId, String integrationId, TokenFacts token) {
		this(eventId, eventType, occurredAt, correlationId, producer, actorId, subject, contentId, integrationId, token,
				null, null, null);
	}

	/** The event's place in the trail's order (newest first). */
	public Position position() {
		return new Position(this.occurredAt, this.eventId);
	}

}
