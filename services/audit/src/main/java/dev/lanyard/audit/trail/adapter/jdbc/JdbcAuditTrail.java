package dev.lanyard.audit.trail.adapter.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;

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
				token_type, token_id, token_sha256, grant_type, scopes, audience, expires_at, user_id, group_id,
				outcome, payload, trace_id)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
			ON CONFLICT (event_id) DO NOTHING
			""";

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final TransactionTemplate transactions;

	private final NamedParameterJdbcTemplate streaming;

	private final TransactionTemplate readOnly;

	/**
	 * @param jdbc the database
	 * @param transactions for appends, and (read-only) for streams
	 * @param fetchSize rows a stream reads per round trip, which bounds its memory
	 */
	public JdbcAuditTrail(JdbcTemplate jdbc, TransactionTemplate transactions, int fetchSize) {
		if (jdbc == null) {
			throw new IllegalArgumentException("jdbc cannot be null");
		}
		if (transactions == null) {
			throw new IllegalArgumentException("transactions cannot be null");
		}
		if (fetchSize < 1) {
			throw new IllegalArgumentException("fetchSize must be positive");
		}
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.transactions = transactions;
		JdbcTemplate cursor = new JdbcTemplate(jdbc.getDataSource());
		cursor.setFetchSize(fetchSize);
		this.streaming = new NamedParameterJdbcTemplate(cursor);
		this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
		this.readOnly.setReadOnly(true);
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
			throw unavailable(ex);
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
		EventWhere where = new EventWhere(filter, after);
		String sql = StoredEventRows.SELECT + where.sql() + "ORDER BY e.occurred_at DESC, e.event_id DESC LIMIT :limit";
		where.params().addValue("limit", limit);
		try {
			return this.named.query(sql, where.params(), (rs, rowNum) -> StoredEventRows.storedEvent(rs));
		}
		catch (DataAccessException ex) {
			throw unavailable(ex);
		}
	}

	@Override
	public long stream(EventFilter filter, Consumer<StoredEvent> sink) {
		if (filter == null) {
			throw new IllegalArgumentException("filter cannot be null");
		}
		if (sink == null) {
			throw new IllegalArgumentException("sink cannot be null");
		}
		EventWhere where = new EventWhere(filter, null);
		String sql = StoredEventRows.SELECT + where.sql() + "ORDER BY e.occurred_at DESC, e.event_id DESC";
		long[] count = { 0 };
		try {
			// PostgreSQL's driver reads with a cursor, fetchSize rows at a time, only
			// inside a transaction; without one it would hold every row in memory.
			this.readOnly.executeWithoutResult((status) -> this.streaming.query(sql, where.params(), (rs) -> {
				sink.accept(StoredEventRows.storedEvent(rs));
				count[0]++;
			}));
		}
		catch (DataAccessException | TransactionException ex) {
			throw unavailable(ex);
		}
		return count[0];
	}

	private static TrailUnavailableException unavailable(Exception ex) {
		return new TrailUnavailableException("The audit store is unavailable: " + ex.getClass().getSimpleName(), ex);
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
		ps.setString(21, event.userId());
		ps.setString(22, event.groupId());
		ps.setString(23, event.outcome());
		ps.setString(24, incoming.payloadJson());
		ps.setString(25, incoming.traceId());
	}

	private static void setTextArray(PreparedStatement ps, int index, List<String> values) throws SQLException {
		if (values == null) {
			ps.setNull(index, Types.ARRAY);
			return;
		}
		ps.setArray(index, ps.getConnection().createArrayOf("text", values.toArray()));
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return EventWhere.timestamp(instant);
	}

	private static String sqlState(DataIntegrityViolationException ex) {
		return (ex.getMostSpecificCause() instanceof SQLException sql && sql.getSQLState() != null)
				? "SQLSTATE " + sql.getSQLState() : ex.getClass().getSimpleName();
	}

}
