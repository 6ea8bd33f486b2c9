package dev.lanyard.audit.trail.adapter.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.lanyard.audit.trail.domain.AuditEvent;
import dev.lanyard.audit.trail.domain.EventDetails;
import dev.lanyard.audit.trail.domain.StoredEvent;
import dev.lanyard.audit.trail.domain.Subject;
import dev.lanyard.audit.trail.domain.TokenFacts;

/**
 * One event as {@code GET /api/audit/events} shows it; absent fields are {@code null}.
 * {@code details} is typed per {@code eventType}; {@code traceId} joins the event to the
 * trace of the request that caused it.
 */
record EventView(UUID eventId, String eventType, Instant occurredAt, Instant recordedAt, String correlationId,
		String producer, String actorId, String subjectId, String subjectType, String subjectLabel, String userId,
		String groupId, String outcome, String contentId, String integrationId, String tokenType, String tokenId,
		String tokenSha256, String grantType, List<String> scopes, List<String> audience, Instant expiresAt,
		EventDetails details, String traceId) {

	static EventView of(StoredEvent stored) {
		AuditEvent event = stored.event();
		Subject subject = event.subject();
		TokenFacts token = event.token();
		return new EventView(event.eventId(), event.eventType(), event.occurredAt(), stored.recordedAt(),
				event.correlationId(), event.producer(), event.actorId(), (subject != null) ? subject.id() : null,
				(subject != null) ? subject.type() : null, (subject != null) ? subject.label() : null, event.userId(),
				event.groupId(), event.outcome(), event.contentId(), event.integrationId(),
				(token != null) ? token.tokenType() : null, (token != null) ? token.tokenId() : null,
				(token != null) ? token.tokenSha256() : null, (token != null) ? token.grantType() : null,
				(token != null) ? token.scopes() : null, (token != null) ? token.audience() : null,
				(token != null) ? token.expiresAt() : null, stored.details(), stored.traceId());
	}

}
