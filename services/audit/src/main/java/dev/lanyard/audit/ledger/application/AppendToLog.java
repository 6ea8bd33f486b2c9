package dev.lanyard.audit.ledger.application;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

import dev.lanyard.audit.ledger.domain.CompactRange;
import dev.lanyard.audit.ledger.domain.LedgerRecord;

/**
 * Gives the events stored since the last run consecutive leaf indexes, in the order they
 * were stored, one batch per transaction under the log's single-writer lock.
 */
public final class AppendToLog {

	private final LedgerStore store;

	private final int batchSize;

	public AppendToLog(LedgerStore store, int batchSize) {
		if (store == null) {
			throw new IllegalArgumentException("store cannot be null");
		}
		if (batchSize < 1) {
			throw new IllegalArgumentException("batchSize must be positive");
		}
		this.store = store;
		this.batchSize = batchSize;
	}

	/**
	 * @return how many events entered the log
	 */
	public long appendPending() {
		long total = 0;
		while (true) {
			int appended = this.store.locked(this::appendBatch);
			total += appended;
			if (appended < this.batchSize) {
				return total;
			}
		}
	}

	private int appendBatch(LockedLog log) {
		List<LedgerRecord> pending = log.pending(this.batchSize);
		if (pending.isEmpty()) {
			return 0;
		}
		CompactRange range = CompactRange.of(log.size(), log.nodes());
		if (!MessageDigest.isEqual(range.root(), log.root())) {
			throw new LogIntegrityException(
					"The log's stored subtrees do not give its stored root at size " + log.size());
		}
		List<LockedLog.Leaf> leaves = new ArrayList<>(pending.size());
		List<CompactRange.Node> nodes = new ArrayList<>(pending.size());
		for (LedgerRecord record : pending) {
			byte[] hash = record.leafHash();
			leaves.add(new LockedLog.Leaf(range.size(), record, hash));
			nodes.addAll(range.append(hash));
		}
		log.append(leaves, nodes, range.root());
		return pending.size();
	}

}
