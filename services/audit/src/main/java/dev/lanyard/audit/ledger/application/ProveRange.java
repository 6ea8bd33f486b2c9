package dev.lanyard.audit.ledger.application;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.lanyard.audit.ledger.domain.MerkleTree;
import dev.lanyard.audit.ledger.domain.StoredCheckpoint;

/**
 * Inclusion proofs for the leaves {@code [from, to)} against the latest checkpoint, and a
 * consistency proof from the checkpoint before {@code from} (or the first) to it.
 */
public final class ProveRange {

	private final LedgerStore store;

	private final int maxLeaves;

	public ProveRange(LedgerStore store, int maxLeaves) {
		if (store == null) {
			throw new IllegalArgumentException("store cannot be null");
		}
		if (maxLeaves < 1) {
			throw new IllegalArgumentException("maxLeaves must be positive");
		}
		this.store = store;
		this.maxLeaves = maxLeaves;
	}

	/**
	 * @param from first leaf
	 * @param to after the last leaf, or null for as many as allowed
	 * @throws NoCheckpointException when nothing is signed yet
	 * @throws IllegalArgumentException when the range lies outside the latest checkpoint
	 * or is too long
	 */
	public Proofs prove(long from, Long to) {
		StoredCheckpoint latest = this.store.latestCheckpoint().orElseThrow(NoCheckpointException::new);
		long size = latest.size();
		long end = (to != null) ? to : Math.min(size, from + this.maxLeaves);
		if (from < 0 || end < from || end > size) {
			throw new IllegalArgumentException(
					"from and to must satisfy 0 <= from <= to <= " + size + " (the latest checkpoint's size)");
		}
		if (end - from > this.maxLeaves) {
			throw new IllegalArgumentException("at most " + this.maxLeaves + " leaves per request");
		}
		StoredCheckpoint base = this.store.checkpointBefore(from).orElse(latest);
		MerkleTree tree = PrefetchedNodes.tree(this.store, (plan) -> {
			plan.consistencyProof(base.size(), size);
			for (long i = from; i < end; i++) {
				plan.inclusionProof(i, size);
			}
		});
		List<Inclusion> inclusions = new ArrayList<>();
		this.store.leaves(from, end,
				(leaf) -> inclusions.add(new Inclusion(leaf.leafIndex(), leaf.eventId(), leaf.leafHash(),
						(leaf.record() != null) ? leaf.record().leafData() : null,
						tree.inclusionProof(leaf.leafIndex(), size))));
		return new Proofs(latest, base, tree.consistencyProof(base.size(), size), inclusions);
	}

	/**
	 * @param checkpoint what the proofs are against
	 * @param base the checkpoint the consistency proof starts from
	 * @param consistency PROOF(base.size, latest)
	 * @param inclusions one per leaf in the range
	 */
	public record Proofs(StoredCheckpoint checkpoint, StoredCheckpoint base, List<byte[]> consistency,
			List<Inclusion> inclusions) {
	}

	/**
	 * @param leafIndex the leaf
	 * @param eventId its event
	 * @param leafHash the stored leaf hash
	 * @param leafData the record's leaf data, or null when it is gone
	 * @param path PATH(leafIndex, checkpoint)
	 */
	public record Inclusion(long leafIndex, UUID eventId, byte[] leafHash, byte[] leafData, List<byte[]> path) {
	}

}
