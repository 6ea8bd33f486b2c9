package dev.lanyard.audit.trail.adapter.jdbc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.lanyard.audit.trail.domain.EventFilter;
import dev.lanyard.audit.trail.domain.Position;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The {@code WHERE} clause of a query of {@code audit_event e} for an
 * {@link EventFilter}, every value a bind parameter.
 */
final class EventWhere {

	private final List<String> conditions = new ArrayList<>();

	private final MapSqlParameterSource params = new MapSqlParameterSource();

	EventWhere(EventFilter filter, Position after) {
		if (filter == null) {
			throw new IllegalArgumentException("filter cannot be null");
		}
		equal("subject_id", filter.subjectId());
		equal("user_id", filter.userId());
		equal("content_id", filter.contentId());
		equal("integration_id", filter.integrationId());
		equal("group_id", filter.groupId());
		equal("token_type", filter.tokenType());
		equal("token_sha256", filter.tokenSha256());
		equal("grant_type", filter.grantType());
		equal("outcome", filter.outcome());
		equal("actor_id", filter.actorId());
		equal("correlation_id", filter.correlationId());
		// payload fields with an expression index each (V4)
		payloadEqual("onBehalfOfUserId", filter.onBehalfOfUserId());
		payloadEqual("federatedIssuer", filter.federatedIssuer());
		if (!filter.eventTypes().isEmpty()) {
			this.conditions.add("e.event_type IN (:event_types)");
			this.params.addValue("event_types", List.copyOf(filter.eventTypes()));
		}
		if (filter.from() != null) {
			this.conditions.add("e.occurred_at >= :from");
			this.params.addValue("from", timestamp(filter.from()));
		}
		if (filter.to() != null) {
			this.conditions.add("e.occurred_at < :to");
			this.params.addValue("to", timestamp(filter.to()));
		}
		if (after != null) {
			this.conditions.add("(e.occurred_at, e.event_id) < (:afterOccurredAt, :afterEventId)");
			this.params.addValue("afterOccurredAt", timestamp(after.occurredAt()));
			this.params.addValue("afterEventId", after.eventId());
		}
	}

	String sql() {
		return this.conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", this.conditions) + "\n";
	}

	MapSqlParameterSource params() {
		return this.params;
	}

	private void equal(String column, String value) {
		if (value != null) {
			this.conditions.add("e." + column + " = :" + column);
			this.params.addValue(column, value);
		}
	}

	private void payloadEqual(String field, String value) {
		if (value != null) {
			this.conditions.add("e.payload->>'" + field + "' = :" + field);
			this.params.addValue(field, value);
		}
	}

	static OffsetDateTime timestamp(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
