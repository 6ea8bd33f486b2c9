package dev.lanyard.audit.ledger.adapter.jdbc;

import java.util.List;
import java.util.Optional;

import dev.lanyard.audit.ledger.application.LockedLog;
import dev.lanyard.audit.ledger.application.LogIntegrityException;
import dev.lanyard.audit.ledger.domain.CompactRange;
import dev.lanyard.audit.ledger.domain.LedgerRecord;
import dev.lanyard.audit.ledger.domain.NodeSource;
import dev.lanyard.audit.ledger.domain.StoredCheckpoint;

import org.springframework.jdbc.core.JdbcTemplate;

/** The log inside the transaction that holds its lock. */
final class JdbcLockedLog implements LockedLog {

	private static final String PENDING = "SELECT p.seq, " + LedgerRows.RECORD_COLUMNS + """

			FROM ledger_pending p JOIN audit_event e ON e.event_id = p.event_id
			WHERE NOT EXISTS (SELECT 1 FROM ledger_leaf l WHERE l.event_id = p.event_id)
			ORDER BY p.seq LIMIT ?
			""";

	private final JdbcTemplate jdbc;

	private final long size;

	private final byte[] root;

	/** The highest queue position {@link #pending} returned. */
	private long lastSeq = -1;

	JdbcLockedLog(JdbcTemplate jdbc, long size, byte[] root) {
		this.jdbc = jdbc;
		this.size = size;
		this.root = root;
	}

	@Override
	public long size() {
		return this.size;
	}

	@Override
	public byte[] root() {
		return this.root.clone();
	}

	@Override
	public NodeSource nodes() {
		return (level, index) -> {
			List<byte[]> hash = (level == 0)
					? this.jdbc.query("SELECT leaf_hash FROM ledger_leaf WHERE leaf_index = ?",
							(rs, row) -> rs.getBytes(1), index)
					: this.jdbc.query("SELECT hash FROM ledger_node WHERE level = ? AND node_index = ?",
							(rs, row) -> rs.getBytes(1), level, index);
			if (hash.isEmpty()) {
				throw new LogIntegrityException("The log's subtree " + level + "/" + index + " is missing");
			}
			return hash.get(0);
		};
	}

	@Override
	public List<LedgerRecord> pending(int limit) {
		return this.jdbc.query(PENDING, (rs, row) -> {
			this.lastSeq = Math.max(this.lastSeq, rs.getLong("seq"));
			return LedgerRows.record(rs, LedgerRecord.FORMAT);
		}, limit);
	}

	@Override
	public void append(List<Leaf> leaves, List<CompactRange.Node> nodes, byte[] newRoot) {
		this.jdbc.batchUpdate(
				"INSERT INTO ledger_leaf (leaf_index, event_id, leaf_hash, leaf_format) VALUES (?, ?, ?, ?)", leaves,
				leaves.size(), (ps, leaf) -> {
					ps.setLong(1, leaf.index());
					ps.setObject(2, leaf.record().eventId());
					ps.setBytes(3, leaf.hash());
					ps.setShort(4, (short) leaf.record().format());
				});
		if (!nodes.isEmpty()) {
			this.jdbc.batchUpdate("INSERT INTO ledger_node (level, node_index, hash) VALUES (?, ?, ?)", nodes,
					nodes.size(), (ps, node) -> {
						ps.setShort(1, (short) node.level());
						ps.setLong(2, node.index());
						ps.setBytes(3, node.hash());
					});
		}
		// By sequence, on the primary key. Rows below it that the query skipped are
		// events already in the log or gone from the trail; a row that a transaction
		// still open holds is invisible here, stays, and is appended by the next run.
		this.jdbc.update("DELETE FROM ledger_pending WHERE seq <= ?", this.lastSeq);
		this.jdbc.update("UPDATE ledger_state SET tree_size = ?, root_hash = ? WHERE id", this.size + leaves.size(),
				newRoot);
	}

	@Override
	public Optional<StoredCheckpoint> latestCheckpoint() {
		return this.jdbc
			.query(LedgerRows.CHECKPOINTS + "ORDER BY tree_size DESC LIMIT 1", (rs, row) -> LedgerRows.checkpoint(rs))
			.stream()
			.findFirst();
	}

	@Override
	public void saveCheckpoint(StoredCheckpoint checkpoint) {
		this.jdbc.update("INSERT INTO ledger_checkpoint (tree_size, root_hash, note, signed_at) VALUES (?, ?, ?, ?)",
				checkpoint.size(), checkpoint.rootHash(), checkpoint.note(),
				JdbcLedgerStore.timestamp(checkpoint.signedAt()));
	}

}
