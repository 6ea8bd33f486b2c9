package dev.lanyard.audit.trail.adapter.jdbc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.lanyard.audit.trail.domain.AuditEvent;
import dev.lanyard.audit.trail.domain.EventDetails;
import dev.lanyard.audit.trail.domain.EventDetailsReader;
import dev.lanyard.audit.trail.domain.StoredEvent;
import dev.lanyard.audit.trail.domain.Subject;
import dev.lanyard.audit.trail.domain.TokenFacts;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code audit_event} rows selected by {@link #SELECT} into stored events with
 * their details.
 */
final class StoredEventRows {

	/**
	 * Every column of {@code audit_event e} an event is shown with, its payload, and for
	 * an IntegrationChanged the payload of the previous one of the same integration (to
	 * say what changed).
	 */
	static final String COLUMNS = """
			e.event_id, e.event_type, e.occurred_at, e.recorded_at, e.correlation_id, e.producer, e.actor_id,
				e.subject_id, e.subject_type, e.content_id, e.integration_id, e.token_type, e.token_id,
				e.token_sha256, e.grant_type, e.scopes, e.audience, e.expires_at, e.user_id, e.group_id, e.outcome,
				e.trace_id, e.payload::text AS payload,
				(SELECT p.payload::text FROM audit_event p
					WHERE e.event_type = 'IntegrationChanged' AND p.event_type = 'IntegrationChanged'
						AND p.integration_id = e.integration_id
						AND (p.occurred_at, p.event_id) < (e.occurred_at, e.event_id)
					ORDER BY p.occurred_at DESC, p.event_id DESC LIMIT 1) AS previous_payload
			""";

	static final String SELECT = "SELECT " + COLUMNS + "FROM audit_event e\n";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private StoredEventRows() {
	}

	static StoredEvent storedEvent(ResultSet rs) throws SQLException {
		String subjectId = rs.getString("subject_id");
		String subjectType = rs.getString("subject_type");
		Subject subject = (subjectId != null && subjectType != null) ? new Subject(subjectId, subjectType) : null;
		String tokenType = rs.getString("token_type");
		String tokenId = rs.getString("token_id");
		String tokenSha256 = rs.getString("token_sha256");
		String grantType = rs.getString("grant_type");
		List<String> scopes = textArray(rs.getArray("scopes"));
		List<String> audience = textArray(rs.getArray("audience"));
		Instant expiresAt = instant(rs, "expires_at");
		boolean hasToken = tokenType != null || tokenId != null || tokenSha256 != null || grantType != null
				|| scopes != null || audience != null || expiresAt != null;
		TokenFacts token = hasToken
				? new TokenFacts(tokenType, tokenId, tokenSha256, grantType, scopes, audience, expiresAt) : null;
		String eventType = rs.getString("event_type");
		AuditEvent event = new AuditEvent(rs.getObject("event_id", UUID.class), eventType, instant(rs, "occurred_at"),
				rs.getString("correlation_id"), rs.getString("producer"), rs.getString("actor_id"), subject,
				rs.getString("content_id"), rs.getString("integration_id"), token, rs.getString("user_id"),
				rs.getString("group_id"), rs.getString("outcome"));
		EventDetails details = EventDetailsReader.read(eventType, map(rs.getString("payload")),
				map(rs.getString("previous_payload")));
		return new StoredEvent(event, instant(rs, "recorded_at"), details, rs.getString("trace_id"));
	}

	private static Map<String, Object> map(String json) {
		if (json == null) {
			return null;
		}
		try {
			return JSON.readValue(json, MAP);
		}
		catch (JacksonException ex) {
			// jsonb always holds valid JSON; a non-object payload shows no details.
			return null;
		}
	}

	static List<String> textArray(Array array) throws SQLException {
		if (array == null) {
			return null;
		}
		try {
			return Arrays.asList((String[]) array.getArray());
		}
		finally {
			array.free();
		}
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
