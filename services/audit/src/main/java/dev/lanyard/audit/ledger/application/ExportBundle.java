package dev.lanyard.audit.ledger.application;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

import dev.lanyard.audit.ledger.domain.Bundle;
import dev.lanyard.audit.ledger.domain.MerkleTree;
import dev.lanyard.audit.ledger.domain.NoteKey;
import dev.lanyard.audit.ledger.domain.StoredCheckpoint;
import dev.lanyard.audit.ledger.domain.StoredLeaf;

/**
 * Writes a verification bundle of the leaves {@code [from, to)}: what the stand-alone
 * verifier needs to check them against the latest checkpoint offline. Records are
 * streamed; memory does not grow with the range.
 */
public final class ExportBundle {

	private final LedgerStore store;

	private final NoteKey key;

	private final String origin;

	public ExportBundle(LedgerStore store, NoteKey key, String origin) {
		if (store == null || key == null || origin == null) {
			throw new IllegalArgumentException("store, key and origin cannot be null");
		}
		this.store = store;
		this.key = key;
		this.origin = origin;
	}

	/**
	 * Checks the range before anything is written.
	 * @return the range to export, {@code to} resolved
	 * @throws NoCheckpointException when nothing is signed yet
	 * @throws IllegalArgumentException when the range lies outside the latest checkpoint
	 */
	public Range range(long from, Long to) {
		StoredCheckpoint latest = this.store.latestCheckpoint().orElseThrow(NoCheckpointException::new);
		long end = (to != null) ? to : latest.size();
		if (from < 0 || end < from || end > latest.size()) {
			throw new IllegalArgumentException(
					"from and to must satisfy 0 <= from <= to <= " + latest.size() + " (the latest checkpoint's size)");
		}
		return new Range(from, end, latest);
	}

	public void export(Range range, Writer out) throws IOException {
		if (range == null || out == null) {
			throw new IllegalArgumentException("range and out cannot be null");
		}
		StoredCheckpoint latest = range.checkpoint();
		long size = latest.size();
		StoredCheckpoint base = this.store.checkpointBefore(range.from()).orElse(latest);
		List<StoredLeaf> retentions = this.store.retentionLeaves(size);
		MerkleTree tree = PrefetchedNodes.tree(this.store, (plan) -> {
			plan.consistencyProof(base.size(), size);
			plan.rangeProof(range.from(), range.to(), size);
			retentions.forEach((leaf) -> plan.inclusionProof(leaf.leafIndex(), size));
		});
		out.write(Bundle.header(this.origin, this.key, range.from(), range.to(), size));
		out.write(Bundle.checkpoint(base.note()));
		if (base.size() != size) {
			out.write(Bundle.checkpoint(latest.note()));
			out.write(Bundle.consistency(base.size(), size, tree.consistencyProof(base.size(), size)));
		}
		for (StoredLeaf leaf : retentions) {
			out.write(Bundle.retention(leaf.leafIndex(), leaf.leafHash(), leaf.record().leafData(),
					tree.inclusionProof(leaf.leafIndex(), size)));
		}
		out.write(Bundle.range(tree.rangeProof(range.from(), range.to(), size)));
		try {
			this.store.leaves(range.from(), range.to(), (leaf) -> {
				try {
					out.write(Bundle.record(leaf.leafIndex(), leaf.leafHash(),
							(leaf.record() != null) ? leaf.record().leafData() : null));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		out.flush();
	}

	/**
	 * @param from first leaf
	 * @param to after the last leaf
	 * @param checkpoint the latest checkpoint, which the bundle is checked against
	 */
	public record Range(long from, long to, StoredCheckpoint checkpoint) {
	}

}
