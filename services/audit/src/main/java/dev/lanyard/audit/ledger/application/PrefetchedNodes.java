package dev.lanyard.audit.ledger.application;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import dev.lanyard.audit.ledger.domain.MerkleHashes;
import dev.lanyard.audit.ledger.domain.MerkleTree;
import dev.lanyard.audit.ledger.domain.NodeSource;

/**
 * Reads every subtree a computation needs in one round trip: the computation runs once
 * against placeholders to learn which subtrees it reads (which ones never depends on
 * their values), then against the fetched ones.
 */
final class PrefetchedNodes {

	private PrefetchedNodes() {
	}

	static MerkleTree tree(LedgerStore store, Consumer<MerkleTree> plan) {
		Set<LedgerStore.NodeId> wanted = new LinkedHashSet<>();
		byte[] placeholder = new byte[MerkleHashes.LENGTH];
		plan.accept(new MerkleTree((level, index) -> {
			wanted.add(new LedgerStore.NodeId(level, index));
			return placeholder;
		}));
		Map<LedgerStore.NodeId, byte[]> fetched = store.nodes(wanted);
		NodeSource nodes = (level, index) -> {
			byte[] hash = fetched.get(new LedgerStore.NodeId(level, index));
			if (hash == null) {
				throw new LogIntegrityException("The log's subtree " + level + "/" + index + " is missing");
			}
			return hash;
		};
		return new MerkleTree(nodes);
	}

}
