package dev.lanyard.audit.ledger.application;

import java.util.List;
import java.util.Optional;

import dev.lanyard.audit.ledger.domain.CompactRange;
import dev.lanyard.audit.ledger.domain.LedgerRecord;
import dev.lanyard.audit.ledger.domain.NodeSource;
import dev.lanyard.audit.ledger.domain.StoredCheckpoint;

/** The log while its writer lock is held. */
public interface LockedLog {

	long size();

	byte[] root();

	NodeSource nodes();

	/** Events stored but not yet in the log, oldest first. */
	List<LedgerRecord> pending(int limit);

	/**
	 * Appends leaves {@code size()..} and the subtrees they complete, and takes them out
	 * of the pending ones.
	 */
	void append(List<Leaf> leaves, List<CompactRange.Node> nodes, byte[] newRoot);

	Optional<StoredCheckpoint> latestCheckpoint();

	void saveCheckpoint(StoredCheckpoint checkpoint);

	/**
	 * A new leaf.
	 *
	 * @param index its place
	 * @param record its record
	 * @param hash its leaf hash
	 */
	record Leaf(long index, LedgerRecord record, byte[] hash) {
	}

}
