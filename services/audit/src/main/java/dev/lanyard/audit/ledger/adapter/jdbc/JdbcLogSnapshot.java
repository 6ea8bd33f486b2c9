package dev.lanyard.audit.ledger.adapter.jdbc;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Function;

import dev.lanyard.audit.ledger.application.LogSnapshot;
import dev.lanyard.audit.ledger.domain.PrunedLeaves;
import dev.lanyard.audit.ledger.domain.StoredCheckpoint;
import dev.lanyard.audit.ledger.domain.StoredLeaf;

import org.springframework.jdbc.core.JdbcTemplate;

/** The log inside one repeatable-read transaction. */
final class JdbcLogSnapshot implements LogSnapshot {

	/** Checkpoints read per query. */
	private static final int PAGE = 1000;

	private final JdbcTemplate jdbc;

	private final JdbcTemplate streaming;

	JdbcLogSnapshot(JdbcTemplate jdbc, JdbcTemplate streaming) {
		this.jdbc = jdbc;
		this.streaming = streaming;
	}

	@Override
	public long size() {
		Long size = this.jdbc.queryForObject("SELECT tree_size FROM ledger_state WHERE id", Long.class);
		return (size != null) ? size : 0;
	}

	@Override
	public Iterator<StoredCheckpoint> checkpoints() {
		return new Iterator<>() {

			private List<StoredCheckpoint> page = List.of();

			private int at;

			private long after = -1;

			@Override
			public boolean hasNext() {
				if (this.at == this.page.size()) {
					this.page = JdbcLogSnapshot.this.jdbc.query(
							LedgerRows.CHECKPOINTS + "WHERE tree_size > ? ORDER BY tree_size LIMIT " + PAGE,
							(rs, row) -> LedgerRows.checkpoint(rs), this.after);
					this.at = 0;
				}
				return this.at < this.page.size();
			}

			@Override
			public StoredCheckpoint next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				StoredCheckpoint checkpoint = this.page.get(this.at++);
				this.after = checkpoint.size();
				return checkpoint;
			}

		};
	}

	@Override
	public void leaves(Function<StoredLeaf, Boolean> each) {
		try {
			this.streaming.query(LedgerRows.LEAVES + "ORDER BY l.leaf_index", (rs) -> {
				if (!each.apply(LedgerRows.leaf(rs))) {
					throw new Stop();
				}
			});
		}
		catch (Stop stop) {
			// the caller has what it needs
		}
	}

	@Override
	public OptionalLong placeOf(byte[] leafHash) {
		List<Long> places = this.jdbc.query("SELECT leaf_index FROM ledger_leaf WHERE leaf_hash = ? LIMIT 1",
				(rs, row) -> rs.getLong(1), (Object) leafHash);
		return places.isEmpty() ? OptionalLong.empty() : OptionalLong.of(places.get(0));
	}

	@Override
	public List<String> retentionPayloads() {
		return this.jdbc.queryForList("SELECT payload::text FROM audit_event WHERE event_type = ? ORDER BY occurred_at",
				String.class, PrunedLeaves.RETENTION_APPLIED);
	}

	@Override
	public List<UUID> unlogged(int limit) {
		return this.jdbc.query("""
				SELECT e.event_id FROM audit_event e
				WHERE NOT EXISTS (SELECT 1 FROM ledger_leaf l WHERE l.event_id = e.event_id)
				  AND NOT EXISTS (SELECT 1 FROM ledger_pending p WHERE p.event_id = e.event_id)
				LIMIT ?
				""", (rs, row) -> rs.getObject(1, UUID.class), limit);
	}

	/** Ends a streamed query early. */
	private static final class Stop extends RuntimeException {

		Stop() {
			super(null, null, false, false);
		}

	}

}
