package dev.lanyard.audit.ledger.adapter.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.lanyard.audit.ledger.application.RetentionStore;
import dev.lanyard.audit.ledger.domain.PrunedLeaves;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes a day's logged records and stores the retention record in the same transaction:
 * either both happen or neither. The retention record is an {@code audit_event} row like
 * any other, so the trigger queues it for the log.
 */
public final class JdbcRetention implements RetentionStore {

	/** Where retention records say they come from: audit itself, not a Kafka topic. */
	static final String TOPIC = "audit.retention";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	public JdbcRetention(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		if (jdbc == null || transactions == null) {
			throw new IllegalArgumentException("jdbc and transactions cannot be null");
		}
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
	}

	@Override
	public Optional<LocalDate> oldestRemovableDay(Instant before) {
		// the time index finds the oldest rows first; a row waiting for the log is
		// skipped, it goes on a later run
		List<Timestamp> oldest = this.jdbc.query("""
				SELECT e.occurred_at FROM audit_event e
				WHERE e.occurred_at < ? AND e.event_type <> ?
				  AND EXISTS (SELECT 1 FROM ledger_leaf l WHERE l.event_id = e.event_id)
				ORDER BY e.occurred_at, e.event_id LIMIT 1
				""", (rs, row) -> rs.getTimestamp(1), Timestamp.from(before), PrunedLeaves.RETENTION_APPLIED);
		return oldest.isEmpty() ? Optional.empty()
				: Optional.of(LocalDate.ofInstant(oldest.get(0).toInstant(), ZoneOffset.UTC));
	}

	@Override
	public long removeDay(LocalDate day, String retention, Instant at) {
		if (day == null || retention == null || at == null) {
			throw new IllegalArgumentException("day, retention and at cannot be null");
		}
		Instant start = day.atStartOfDay().toInstant(ZoneOffset.UTC);
		Instant end = start.plusSeconds(86_400);
		Long removed = this.transactions.execute((status) -> {
			List<Long> leaves = this.jdbc.queryForList("""
					WITH gone AS (
					    DELETE FROM audit_event e USING ledger_leaf l
					    WHERE l.event_id = e.event_id AND e.occurred_at >= ? AND e.occurred_at < ?
					      AND e.event_type <> ?
					    RETURNING l.leaf_index)
					SELECT leaf_index FROM gone ORDER BY leaf_index
					""", Long.class, Timestamp.from(start), Timestamp.from(end), PrunedLeaves.RETENTION_APPLIED);
			if (leaves.isEmpty()) {
				return 0L;
			}
			String payload = PrunedLeaves.retentionPayload(day.toString(), retention, leaves.size(), leaves);
			this.jdbc.update("""
					INSERT INTO audit_event (event_id, event_type, topic, kafka_partition, kafka_offset, occurred_at,
					    recorded_at, correlation_id, producer, outcome, payload)
					VALUES (?, ?, ?, -1, -1, ?, ?, ?, 'audit', 'success', ?::jsonb)
					""", UUID.randomUUID(), PrunedLeaves.RETENTION_APPLIED, TOPIC, Timestamp.from(at),
					Timestamp.from(at), "retention-" + day, payload);
			return (long) leaves.size();
		});
		return (removed != null) ? removed : 0;
	}

}
