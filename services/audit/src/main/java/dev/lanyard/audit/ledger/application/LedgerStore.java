package dev.lanyard.audit.ledger.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.lanyard.audit.ledger.domain.StoredCheckpoint;
import dev.lanyard.audit.ledger.domain.StoredLeaf;

/**
 * Where the log is kept. Failures to reach it are {@link LedgerUnavailableException}s.
 */
public interface LedgerStore {

	/**
	 * Runs {@code work} in one transaction holding the log's single-writer lock: two
	 * instances never append or sign at once, and an interrupted run changes nothing.
	 */
	<T> T locked(Function<LockedLog, T> work);

	/** Reads in one consistent snapshot, so that appends meanwhile are not seen. */
	<T> T snapshot(Function<LogSnapshot, T> work);

	Optional<StoredCheckpoint> latestCheckpoint();

	/** The newest checkpoint of at most {@code size} leaves, else the first one. */
	Optional<StoredCheckpoint> checkpointBefore(long size);

	/** Complete subtrees by coordinates; all must exist. */
	Map<NodeId, byte[]> nodes(Collection<NodeId> ids);

	/** The leaves {@code [from, to)} with their records, in index order, streamed. */
	void leaves(long from, long to, Consumer<StoredLeaf> each);

	/**
	 * The leaves of the retention records among the first {@code size}, with their
	 * records, in index order (few: one per day removed).
	 */
	List<StoredLeaf> retentionLeaves(long size);

	/**
	 * Coordinates of a complete subtree.
	 *
	 * @param level its height
	 * @param index its position on that level
	 */
	record NodeId(int level, long index) {
	}

}
