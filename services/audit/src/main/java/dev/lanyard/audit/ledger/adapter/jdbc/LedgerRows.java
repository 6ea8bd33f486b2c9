package dev.lanyard.audit.ledger.adapter.jdbc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import dev.lanyard.audit.ledger.domain.LedgerRecord;
import dev.lanyard.audit.ledger.domain.QueryColumns;
import dev.lanyard.audit.ledger.domain.StoredCheckpoint;
import dev.lanyard.audit.ledger.domain.StoredLeaf;

/** The columns the log reads, and how rows become its records. */
final class LedgerRows {

	/** audit_event's columns that the leaf data covers, aliased {@code e}. */
	static final String RECORD_COLUMNS = """
			e.event_id AS record_id, e.event_type, e.topic, e.kafka_partition, e.kafka_offset, e.occurred_at,
			e.recorded_at, e.correlation_id, e.producer, e.actor_id, e.payload::text AS payload_json,
			e.subject_id, e.subject_type, e.content_id, e.integration_id, e.token_type, e.token_id, e.token_sha256,
			e.grant_type, e.scopes, e.audience, e.expires_at, e.user_id, e.group_id, e.outcome""";

	static final String LEAVES = "SELECT l.leaf_index, l.event_id, l.leaf_hash, l.leaf_format, " + RECORD_COLUMNS + """

			FROM ledger_leaf l LEFT JOIN audit_event e ON e.event_id = l.event_id
			""";

	static final String CHECKPOINTS = "SELECT tree_size, root_hash, note, signed_at FROM ledger_checkpoint ";

	private LedgerRows() {
	}

	/**
	 * The record of a row in the given leaf format, or null when its audit_event columns
	 * are all null.
	 */
	static LedgerRecord record(ResultSet rs, int format) throws SQLException {
		UUID eventId = rs.getObject("record_id", UUID.class);
		if (eventId == null) {
			return null;
		}
		QueryColumns columns = (format == LedgerRecord.FORMAT_WITHOUT_COLUMNS) ? null : columns(rs);
		return new LedgerRecord(eventId, rs.getString("event_type"), rs.getString("topic"),
				rs.getInt("kafka_partition"), rs.getLong("kafka_offset"), instant(rs, "occurred_at"),
				instant(rs, "recorded_at"), rs.getString("correlation_id"), rs.getString("producer"),
				rs.getString("actor_id"), rs.getString("payload_json"), columns);
	}

	static StoredLeaf leaf(ResultSet rs) throws SQLException {
		return new StoredLeaf(rs.getLong("leaf_index"), rs.getObject("event_id", UUID.class), rs.getBytes("leaf_hash"),
				record(rs, rs.getInt("leaf_format")));
	}

	private static QueryColumns columns(ResultSet rs) throws SQLException {
		return new QueryColumns(rs.getString("subject_id"), rs.getString("subject_type"), rs.getString("content_id"),
				rs.getString("integration_id"), rs.getString("token_type"), rs.getString("token_id"),
				rs.getString("token_sha256"), rs.getString("grant_type"), texts(rs, "scopes"), texts(rs, "audience"),
				instant(rs, "expires_at"), rs.getString("user_id"), rs.getString("group_id"), rs.getString("outcome"));
	}

	private static List<String> texts(ResultSet rs, String column) throws SQLException {
		Array array = rs.getArray(column);
		if (array == null) {
			return null;
		}
		try {
			return List.of((String[]) array.getArray());
		}
		finally {
			array.free();
		}
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
