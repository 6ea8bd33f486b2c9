package dev.lanyard.audit.ledger.adapter.jdbc;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.lanyard.audit.ledger.application.LedgerStore;
import dev.lanyard.audit.ledger.domain.PrunedLeaves;
import dev.lanyard.audit.ledger.application.LedgerUnavailableException;
import dev.lanyard.audit.ledger.application.LockedLog;
import dev.lanyard.audit.ledger.application.LogSnapshot;
import dev.lanyard.audit.ledger.domain.StoredCheckpoint;
import dev.lanyard.audit.ledger.domain.StoredLeaf;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The log in PostgreSQL (tables {@code ledger_*}, migration V3). The single writer is
 * whoever holds {@code SELECT … FOR UPDATE} on the one row of {@code ledger_state}; every
 * write happens in that transaction, so a crash leaves the log as it was.
 */
public final class JdbcLedgerStore implements LedgerStore {

	static final int FETCH_SIZE = 1000;

	private final JdbcTemplate jdbc;

	private final JdbcTemplate streaming;

	private final TransactionTemplate writes;

	private final TransactionTemplate reads;

	public JdbcLedgerStore(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		if (jdbc == null) {
			throw new IllegalArgumentException("jdbc cannot be null");
		}
		if (transactions == null) {
			throw new IllegalArgumentException("transactions cannot be null");
		}
		this.jdbc = jdbc;
		// PostgreSQL streams a result set only inside a transaction with a fetch size
		this.streaming = new JdbcTemplate(jdbc.getDataSource());
		this.streaming.setFetchSize(FETCH_SIZE);
		this.writes = new TransactionTemplate(transactions);
		this.reads = new TransactionTemplate(transactions);
		this.reads.setReadOnly(true);
		this.reads.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
	}

	@Override
	public <T> T locked(Function<LockedLog, T> work) {
		return guarded(() -> this.writes.execute((status) -> {
			Map<String, Object> state = this.jdbc
				.queryForMap("SELECT tree_size, root_hash FROM ledger_state WHERE id FOR UPDATE");
			return work.apply(new JdbcLockedLog(this.jdbc, ((Number) state.get("tree_size")).longValue(),
					(byte[]) state.get("root_hash")));
		}));
	}

	@Override
	public <T> T snapshot(Function<LogSnapshot, T> work) {
		return guarded(
				() -> this.reads.execute((status) -> work.apply(new JdbcLogSnapshot(this.jdbc, this.streaming))));
	}

	@Override
	public Optional<StoredCheckpoint> latestCheckpoint() {
		return guarded(() -> this.jdbc
			.query(LedgerRows.CHECKPOINTS + "ORDER BY tree_size DESC LIMIT 1", (rs, row) -> LedgerRows.checkpoint(rs))
			.stream()
			.findFirst());
	}

	@Override
	public Optional<StoredCheckpoint> checkpointBefore(long size) {
		return guarded(() -> {
			List<StoredCheckpoint> before = this.jdbc.query(
					LedgerRows.CHECKPOINTS + "WHERE tree_size <= ? ORDER BY tree_size DESC LIMIT 1",
					(rs, row) -> LedgerRows.checkpoint(rs), size);
			if (!before.isEmpty()) {
				return Optional.of(before.get(0));
			}
			return this.jdbc
				.query(LedgerRows.CHECKPOINTS + "ORDER BY tree_size LIMIT 1", (rs, row) -> LedgerRows.checkpoint(rs))
				.stream()
				.findFirst();
		});
	}

	@Override
	public Map<NodeId, byte[]> nodes(Collection<NodeId> ids) {
		if (ids == null) {
			throw new IllegalArgumentException("ids cannot be null");
		}
		List<Long> leaves = new ArrayList<>();
		List<Short> levels = new ArrayList<>();
		List<Long> indexes = new ArrayList<>();
		for (NodeId id : ids) {
			if (id.level() == 0) {
				leaves.add(id.index());
			}
			else {
				levels.add((short) id.level());
				indexes.add(id.index());
			}
		}
		Map<NodeId, byte[]> found = new HashMap<>();
		guarded(() -> {
			this.jdbc.query("SELECT leaf_index, leaf_hash FROM ledger_leaf WHERE leaf_index = ANY (?)",
					(ps) -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", leaves.toArray())), (rs) -> {
						found.put(new NodeId(0, rs.getLong(1)), rs.getBytes(2));
					});
			this.jdbc.query("""
					SELECT n.level, n.node_index, n.hash FROM ledger_node n
					JOIN unnest(?::smallint[], ?::bigint[]) AS wanted(level, node_index)
					  ON n.level = wanted.level AND n.node_index = wanted.node_index
					""", (ps) -> {
				ps.setArray(1, ps.getConnection().createArrayOf("smallint", levels.toArray()));
				ps.setArray(2, ps.getConnection().createArrayOf("bigint", indexes.toArray()));
			}, (rs) -> {
				found.put(new NodeId(rs.getInt(1), rs.getLong(2)), rs.getBytes(3));
			});
			return null;
		});
		return found;
	}

	@Override
	public void leaves(long from, long to, Consumer<StoredLeaf> each) {
		guarded(() -> this.reads.execute((status) -> {
			this.streaming.query(
					LedgerRows.LEAVES + "WHERE l.leaf_index >= ? AND l.leaf_index < ? ORDER BY l.leaf_index", (rs) -> {
						each.accept(LedgerRows.leaf(rs));
					}, from, to);
			return null;
		}));
	}

	@Override
	public List<StoredLeaf> retentionLeaves(long size) {
		return guarded(() -> this.jdbc.query(
				LedgerRows.LEAVES + "WHERE e.event_type = ? AND l.leaf_index < ? ORDER BY l.leaf_index",
				(rs, row) -> LedgerRows.leaf(rs), PrunedLeaves.RETENTION_APPLIED, size));
	}

	static OffsetDateTime timestamp(java.time.Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static <T> T guarded(java.util.function.Supplier<T> work) {
		try {
			return work.get();
		}
		catch (DataAccessException | TransactionException ex) {
			throw new LedgerUnavailableException(
					"The audit log's store is unavailable: " + ex.getClass().getSimpleName(), ex);
		}
	}

}
