package dev.lanyard.audit.ledger.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.lanyard.audit.ledger.domain.CompactRange;
import dev.lanyard.audit.ledger.domain.LedgerRecord;
import dev.lanyard.audit.ledger.domain.MerkleHashes;
import dev.lanyard.audit.ledger.domain.NodeSource;
import dev.lanyard.audit.ledger.domain.StoredCheckpoint;
import dev.lanyard.audit.ledger.domain.StoredLeaf;

/** The log's store in memory, with the trail's records beside it, for use-case tests. */
final class InMemoryLedgerStore implements LedgerStore {

	/** The trail's rows by event id (what a tamperer edits). */
	final Map<UUID, LedgerRecord> records = new LinkedHashMap<>();

	final List<UUID> pending = new ArrayList<>();

	/** Leaf rows: index → event id and stored hash. */
	final Map<Long, Row> leaves = new HashMap<>();

	final Map<NodeId, byte[]> nodes = new HashMap<>();

	final List<StoredCheckpoint> checkpoints = new ArrayList<>();

	long size;

	byte[] root = MerkleHashes.EMPTY_ROOT.clone();

	void store(LedgerRecord record) {
		this.records.put(record.eventId(), record);
		this.pending.add(record.eventId());
	}

	static LedgerRecord record(int n) {
		return new LedgerRecord(UUID.nameUUIDFromBytes(("event " + n).getBytes()), "TokenIssued",
				"lanyard.credentials.token-issued.v1", n % 3, n, Instant.parse("2026-12-01T10:00:00Z").plusSeconds(n),
				Instant.parse("2026-12-01T10:00:01.123456Z").plusSeconds(n), "corr-" + n, "token-broker", "actor-" + n,
				"{\"tokenId\": \"jti-" + n + "\", \"scopes\": [\"read\"], \"eventId\": \"" + n + "\", \"n\": " + n
						+ "}");
	}

	record Row(UUID eventId, byte[] hash) {
	}

	private NodeSource nodeSource() {
		return (level, index) -> (level == 0) ? this.leaves.get(index).hash()
				: this.nodes.get(new NodeId(level, index));
	}

	@Override
	public <T> T locked(Function<LockedLog, T> work) {
		return work.apply(new LockedLog() {

			@Override
			public long size() {
				return InMemoryLedgerStore.this.size;
			}

			@Override
			public byte[] root() {
				return InMemoryLedgerStore.this.root.clone();
			}

			@Override
			public NodeSource nodes() {
				return nodeSource();
			}

			@Override
			public List<LedgerRecord> pending(int limit) {
				return InMemoryLedgerStore.this.pending.stream()
					.limit(limit)
					.map(InMemoryLedgerStore.this.records::get)
					.toList();
			}

			@Override
			public void append(List<Leaf> leaves, List<CompactRange.Node> nodes, byte[] newRoot) {
				for (Leaf leaf : leaves) {
					InMemoryLedgerStore.this.leaves.put(leaf.index(), new Row(leaf.record().eventId(), leaf.hash()));
					InMemoryLedgerStore.this.pending.remove(leaf.record().eventId());
				}
				for (CompactRange.Node node : nodes) {
					InMemoryLedgerStore.this.nodes.put(new NodeId(node.level(), node.index()), node.hash());
				}
				InMemoryLedgerStore.this.size += leaves.size();
				InMemoryLedgerStore.this.root = newRoot;
			}

			@Override
			public Optional<StoredCheckpoint> latestCheckpoint() {
				return InMemoryLedgerStore.this.latestCheckpoint();
			}

			@Override
			public void saveCheckpoint(StoredCheckpoint checkpoint) {
				InMemoryLedgerStore.this.checkpoints.add(checkpoint);
			}

		});
	}

	@Override
	public <T> T snapshot(Function<LogSnapshot, T> work) {
		return work.apply(new LogSnapshot() {

			@Override
			public long size() {
				return InMemoryLedgerStore.this.size;
			}

			@Override
			public Iterator<StoredCheckpoint> checkpoints() {
				return List.copyOf(InMemoryLedgerStore.this.checkpoints).iterator();
			}

			@Override
			public void leaves(Function<StoredLeaf, Boolean> each) {
				for (StoredLeaf leaf : sortedLeaves(0, Long.MAX_VALUE)) {
					if (!each.apply(leaf)) {
						return;
					}
				}
			}

			@Override
			public OptionalLong placeOf(byte[] leafHash) {
				return InMemoryLedgerStore.this.leaves.entrySet()
					.stream()
					.filter((entry) -> java.util.Arrays.equals(entry.getValue().hash(), leafHash))
					.mapToLong(Map.Entry::getKey)
					.findFirst();
			}

			@Override
			public List<String> retentionPayloads() {
				return InMemoryLedgerStore.this.records.values()
					.stream()
					.filter((record) -> "RetentionApplied".equals(record.eventType()))
					.map(LedgerRecord::payloadJson)
					.toList();
			}

			@Override
			public List<UUID> unlogged(int limit) {
				return InMemoryLedgerStore.this.records.keySet()
					.stream()
					.filter((id) -> !InMemoryLedgerStore.this.pending.contains(id)
							&& InMemoryLedgerStore.this.leaves.values()
								.stream()
								.noneMatch((row) -> row.eventId().equals(id)))
					.limit(limit)
					.toList();
			}

		});
	}

	@Override
	public Optional<StoredCheckpoint> latestCheckpoint() {
		return this.checkpoints.isEmpty() ? Optional.empty()
				: Optional.of(this.checkpoints.get(this.checkpoints.size() - 1));
	}

	@Override
	public Optional<StoredCheckpoint> checkpointBefore(long size) {
		return this.checkpoints.stream()
			.filter((checkpoint) -> checkpoint.size() <= size)
			.reduce((first, second) -> second)
			.or(() -> this.checkpoints.stream().findFirst());
	}

	@Override
	public Map<NodeId, byte[]> nodes(Collection<NodeId> ids) {
		Map<NodeId, byte[]> found = new HashMap<>();
		for (NodeId id : ids) {
			byte[] hash = nodeSource().node(id.level(), id.index());
			if (hash != null) {
				found.put(id, hash);
			}
		}
		return found;
	}

	@Override
	public void leaves(long from, long to, Consumer<StoredLeaf> each) {
		sortedLeaves(from, to).forEach(each);
	}

	@Override
	public List<StoredLeaf> retentionLeaves(long size) {
		return sortedLeaves(0, size).stream()
			.filter((leaf) -> leaf.record() != null && "RetentionApplied".equals(leaf.record().eventType()))
			.toList();
	}

	private List<StoredLeaf> sortedLeaves(long from, long to) {
		return this.leaves.entrySet()
			.stream()
			.filter((entry) -> entry.getKey() >= from && entry.getKey() < to)
			.sorted(Map.Entry.comparingByKey())
			.map((entry) -> new StoredLeaf(entry.getKey(), entry.getValue().eventId(), entry.getValue().hash(),
					this.records.get(entry.getValue().eventId())))
			.toList();
	}

}
