package dev.lanyard.audit.trail.adapter.jdbc;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.lanyard.audit.trail.application.AuditTrail;
import dev.lanyard.audit.trail.application.EventRejectedException;
import dev.lanyard.audit.trail.application.TrailUnavailableException;
import dev.lanyard.audit.trail.domain.AuditEvent;
import dev.lanyard.audit.trail.domain.EventFilter;
import dev.lanyard.audit.trail.domain.IncomingEvent;
import dev.lanyard.audit.trail.domain.Position;
import dev.lanyard.audit.trail.domain.StoredEvent;
import dev.lanyard.audit.trail.domain.Subject;
import dev.lanyard.audit.trail.domain.TokenFacts;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The trail in PostgreSQL, table {@code audit_event}. Inserts are JDBC batches in one
 * transaction with {@code ON CONFLICT (event_id) DO NOTHING}, so a redelivered event
 * changes nothing.
 */
public final class JdbcAuditTrail implements AuditTrail {

	private static final String INSERT = """
			INSERT INTO audit_event (event_id, event_type, topic, kafka_partition, kafka_offset, occurred_at,
				correlation_id, producer, actor_id, subject_id, subject_type, content_id, integration_id,
				token_type, token_id, token_sha256, grant_type, scopes, audience, expires_at, payload)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
			ON CONFLICT (event_id) DO NOTHING
			""";

	private static final String SELECT = """
			SELECT event_id, event_type, occurred_at, recorded_at, correlation_id, producer, actor_id,
				subject_id, subject_type, content_id, integration_id, token_type, token_id, token_sha256,
				grant_type, scopes, audience, expires_at
			FROM audit_event
			""";

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final TransactionTemplate transactions;

	public JdbcAuditTrail(JdbcTemplate jdbc, TransactionTemplate transactions) {
		if (jdbc == null) {
			throw new IllegalArgumentException("jdbc cannot be null");
		}
		if (transactions == null) {
			throw new IllegalArgumentException("transactions cannot be null");
		}
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.transactions = transactions;
	}

	@Override
	public void append(List<IncomingEvent> events) {
		if (events == null) {
			throw new IllegalArgumentException("events cannot be null");
		}
		if (events.isEmpty()) {
			return;
		}
		try {
			this.transactions.executeWithoutResult(
					(status) -> this.jdbc.batchUpdate(INSERT, events, events.size(), JdbcAuditTrail::bind));
		}
		catch (DataIntegrityViolationException ex) {
			// SQLSTATE classes 22 (data exception) and 23 (integrity): the content, not
			// the database.
			throw new EventRejectedException("The audit store refused the event: " + sqlState(ex), ex);
		}
		catch (DataAccessException | TransactionException ex) {
			throw new TrailUnavailableException("The audit store is unavailable: " + ex.getClass().getSimpleName(), ex);
		}
	}

	@Override
	public List<StoredEvent> find(EventFilter filter, Position after, int limit) {
		if (filter == null) {
			throw new IllegalArgumentException("filter cannot be null");
		}
		if (limit < 1) {
			throw new IllegalArgumentException("limit must be positive");
		}
		List<String> where = new ArrayList<>();
		MapSqlParameterSource params = new MapSqlParameterSource();
		equal(where, params, "subject_id", filter.subjectId());
		equal(where, params, "content_id", filter.contentId());
		equal(where, params, "integration_id", filter.integrationId());
		equal(where, params, "token_type", filter.tokenType());
		equal(where, params, "token_sha256", filter.tokenSha256());
		equal(where, params, "event_type", filter.eventType());
		if (filter.from() != null) {
			where.add("occurred_at >= :from");
			params.addValue("from", timestamp(filter.from()));
		}
		if (filter.to() != null) {
			where.add("occurred_at < :to");
			params.addValue("to", timestamp(filter.to()));
		}
		if (after != null) {
			where.add("(occurred_at, event_id) < (:afterOccurredAt, :afterEventId)");
			params.addValue("afterOccurredAt", timestamp(after.occurredAt()));
			params.addValue("afterEventId", after.eventId());
		}
		String sql = SELECT + (where.isEmpty() ? "" : "WHERE " + String.join(" AND ", where) + "\n")
				+ "ORDER BY occurred_at DESC, event_id DESC LIMIT :limit";
		params.addValue("limit", limit);
		try {
			return this.named.query(sql, params, (rs, rowNum) -> storedEvent(rs));
		}
		catch (DataAccessException ex) {
			throw new TrailUnavailableException("The audit store is unavailable: " + ex.getClass().getSimpleName(), ex);
		}
	}

	private static void equal(List<String> where, MapSqlParameterSource params, String column, String value) {
		if (value != null) {
			where.add(column + " = :" + column);
			params.addValue(column, value);
		}
	}

	private static void bind(PreparedStatement ps, IncomingEvent incoming) throws SQLException {
		AuditEvent event = incoming.event();
		Subject subject = event.subject();
		TokenFacts token = event.token();
		ps.setObject(1, event.eventId());
		ps.setString(2, event.eventType());
		ps.setString(3, incoming.source().topic());
		ps.setInt(4, incoming.source().partition());
		ps.setLong(5, incoming.source().offset());
		ps.setObject(6, timestamp(event.occurredAt()));
		ps.setString(7, event.correlationId());
		ps.setString(8, event.producer());
		ps.setString(9, event.actorId());
		ps.setString(10, (subject != null) ? subject.id() : null);
		ps.setString(11, (subject != null) ? subject.type() : null);
		ps.setString(12, event.contentId());
		ps.setString(13, event.integrationId());
		ps.setString(14, (token != null) ? token.tokenType() : null);
		ps.setString(15, (token != null) ? token.tokenId() : null);
		ps.setString(16, (token != null) ? token.tokenSha256() : null);
		ps.setString(17, (token != null) ? token.grantType() : null);
		setTextArray(ps, 18, (token != null) ? token.scopes() : null);
		setTextArray(ps, 19, (token != null) ? token.audience() : null);
		ps.setObject(20, (token != null && token.expiresAt() != null) ? timestamp(token.expiresAt()) : null,
				Types.TIMESTAMP_WITH_TIMEZONE);
		ps.setString(21, incoming.payloadJson());
	}

	private static void setTextArray(PreparedStatement ps, int index, List<String> values) throws SQLException {
		if (values == null) {
			ps.setNull(index, Types.ARRAY);
			return;
		}
		ps.setArray(index, ps.getConnection().createArrayOf("text", values.toArray()));
	}

	private static StoredEvent storedEvent(ResultSet rs) throws SQLException {
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
		AuditEvent event = new AuditEvent(rs.getObject("event_id", UUID.class), rs.getString("event_type"),
				instant(rs, "occurred_at"), rs.getString("correlation_id"), rs.getString("producer"),
				rs.getString("actor_id"), subject, rs.getString("content_id"), rs.getString("integration_id"), token);
		return new StoredEvent(event, instant(rs, "recorded_at"));
	}

	private static List<String> textArray(Array array) throws SQLException {
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

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static String sqlState(DataIntegrityViolationException ex) {
		return (ex.getMostSpecificCause() instanceof SQLException sql && sql.getSQLState() != null)
				? "SQLSTATE " + sql.getSQLState() : ex.getClass().getSimpleName();
	}

}
