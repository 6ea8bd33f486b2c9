package dev.lanyard.audit.ledger.adapter.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import dev.lanyard.audit.ledger.domain.LedgerRecord;
import dev.lanyard.audit.ledger.domain.StoredCheckpoint;
import dev.lanyard.audit.ledger.domain.StoredLeaf;

/** The columns the log reads, and how rows become its records. */
final class LedgerRows {

	/** audit_event's columns that the leaf data covers, aliased {@code e}. */
	static final String RECORD_COLUMNS = """
			e.event_id AS record_id, e.event_type, e.topic, e.kafka_partition, e.kafka_offset, e.occurred_at,
			e.recorded_at, e.correlation_id, e.producer, e.actor_id, e.payload::text AS payload_json""";

	static final String LEAVES = "SELECT l.leaf_index, l.event_id, l.leaf_hash, " + RECORD_COLUMNS + """

			FROM ledger_leaf l LEFT JOIN audit_event e ON e.event_id = l.event_id
			""";

	static final String CHECKPOINTS = "SELECT tree_size, root_hash, note, signed_at FROM ledger_checkpoint ";

	private LedgerRows() {
	}

	/** The record of a row, or null when its audit_event columns are all null. */
	static LedgerRecord record(ResultSet rs) throws SQLException {
		UUID eventId = rs.getObject("record_id", UUID.class);
		if (eventId == null) {
			return null;
		}
		return new LedgerRecord(eventId, rs.getString("event_type"), rs.getString("topic"),
				rs.getInt("kafka_partition"), rs.getLong("kafka_offset"), instant(rs, "occurred_at"),
				instant(rs, "recorded_at"), rs.getString("correlation_id"), rs.getString("producer"),
				rs.getString("actor_id"), rs.getString("payload_json"));
	}

	static StoredLeaf leaf(ResultSet rs) throws SQLException {
		return new StoredLeaf(rs.getLong("leaf_index"), rs.getObject("event_id", UUID.class), rs.getBytes("leaf_hash"),
				record(rs));
	}

	static StoredCheckpoint checkpoint(ResultSet rs) throws SQLException {
		return new StoredCheckpoint(rs.getLong("tree_size"), rs.getBytes("root_hash"), rs.getString("note"),
				instant(rs, "signed_at"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
