package dev.lanyard.audit.ledger.domain;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Function;

/**
 * Checks the stored log against its signed checkpoints, one leaf at a time in index
 * order, and names the first record that does not fit: a record is recomputed from its
 * stored row and compared with the leaf hash stored at its place; the stored leaf hashes
 * are in turn checked against every signed root as the walk passes its size, and each
 * checkpoint's signature when the walk reaches it. Memory is O(log n), checkpoints
 * included.
 */
public final class FullCheck {

	private final Iterator<StoredCheckpoint> checkpoints;

	private final NoteKey key;

	private final String origin;

	private final long treeSize;

	private final Function<byte[], OptionalLong> placeOf;

	private final PrunedLeaves pruned;

	private long prunedSeen;

	private final CompactRange stored = CompactRange.empty();

	private StoredCheckpoint next;

	private long previousSize = -1;

	private long expected;

	/**
	 * @param checkpoints every stored checkpoint, smallest first, read as the walk needs
	 * them
	 * @param key the log's key: every checkpoint must carry its signature
	 * @param origin the log's name
	 * @param treeSize the log's size
	 * @param placeOf where a leaf hash is stored in the log, if anywhere
	 * @param pruned the leaves whose records the log's retention records say went
	 */
	public FullCheck(Iterator<StoredCheckpoint> checkpoints, NoteKey key, String origin, long treeSize,
			Function<byte[], OptionalLong> placeOf, PrunedLeaves pruned) {
		if (checkpoints == null || key == null || origin == null || placeOf == null || pruned == null) {
			throw new IllegalArgumentException("checkpoints, key, origin, placeOf and pruned cannot be null");
		}
		this.pruned = pruned;
		this.checkpoints = checkpoints;
		this.key = key;
		this.origin = origin;
		this.treeSize = treeSize;
		this.placeOf = placeOf;
	}

	/**
	 * Checks the checkpoints of size 0, if any; call before the first leaf.
	 * @return the first thing wrong, or null to go on
	 */
	public Verdict begin() {
		return passCheckpoints();
	}

	/**
	 * The next stored leaf, in index order.
	 * @return the first thing wrong, or null to go on
	 */
	public Verdict accept(StoredLeaf leaf) {
		if (leaf == null) {
			throw new IllegalArgumentException("leaf cannot be null");
		}
		if (leaf.leafIndex() >= this.treeSize) {
			return verdict(Verdict.Outcome.INSERTED, leaf.leafIndex(), leaf.eventId(),
					"A leaf beyond the log's size of " + this.treeSize + " was added");
		}
		if (leaf.leafIndex() != this.expected) {
			return verdict(Verdict.Outcome.DELETED, this.expected, null,
					"The log's leaf " + this.expected + " and its record are missing");
		}
		if (leaf.record() == null && this.pruned.covers(this.expected)) {
			// retention removed it, and said so in a signed record; the leaf hash stays
			this.prunedSeen++;
			this.stored.append(leaf.leafHash());
			this.expected++;
			return passCheckpoints();
		}
		if (leaf.record() == null) {
			return verdict(Verdict.Outcome.DELETED, this.expected, leaf.eventId(),
					"The record of leaf " + this.expected + " is missing");
		}
		byte[] recomputed = leaf.record().leafHash();
		if (!MessageDigest.isEqual(recomputed, leaf.leafHash())) {
			OptionalLong elsewhere = this.placeOf.apply(recomputed);
			if (elsewhere.isPresent() && elsewhere.getAsLong() != this.expected) {
				return verdict(Verdict.Outcome.REORDERED, this.expected, leaf.eventId(), "The record at leaf "
						+ this.expected + " is the one the log holds at leaf " + elsewhere.getAsLong());
			}
			return verdict(Verdict.Outcome.ALTERED, this.expected, leaf.eventId(),
					"The record at leaf " + this.expected + " differs from what the log committed to");
		}
		this.stored.append(leaf.leafHash());
		this.expected++;
		return passCheckpoints();
	}

	/**
	 * After the last leaf.
	 * @param unlogged records that are neither in the log nor waiting to enter it
	 * @return the verdict
	 */
	public Verdict finish(List<UUID> unlogged) {
		if (this.expected < this.treeSize) {
			return verdict(Verdict.Outcome.DELETED, this.expected, null,
					"The log's leaf " + this.expected + " and its record are missing");
		}
		if (this.next != null) {
			return checkpointVerdict(this.next, "the checkpoint is larger than the log");
		}
		if (unlogged != null && !unlogged.isEmpty()) {
			return verdict(Verdict.Outcome.INSERTED, null, unlogged.get(0),
					"A record was stored without entering the log");
		}
		return Verdict.ok(this.expected, this.prunedSeen);
	}

	private Verdict passCheckpoints() {
		while (true) {
			if (this.next == null) {
				if (!this.checkpoints.hasNext()) {
					return null;
				}
				this.next = this.checkpoints.next();
				String problem = this.next.problem(this.key, this.origin);
				if (problem == null && this.next.size() <= this.previousSize) {
					problem = "checkpoints are not in increasing size";
				}
				if (problem != null) {
					return checkpointVerdict(this.next, problem);
				}
			}
			if (this.next.size() != this.expected) {
				return null;
			}
			if (this.expected > 0 && !MessageDigest.isEqual(this.stored.root(), this.next.rootHash())) {
				return verdict(Verdict.Outcome.LOG_ALTERED, null, null,
						"The log's stored leaf hashes do not give the root signed at size " + this.next.size() + " ("
								+ HexFormat.of().formatHex(this.next.rootHash()) + ")");
			}
			this.previousSize = this.next.size();
			this.next = null;
		}
	}

	private Verdict checkpointVerdict(StoredCheckpoint checkpoint, String problem) {
		return verdict(Verdict.Outcome.LOG_ALTERED, null, null,
				"Checkpoint of size " + checkpoint.size() + ": " + problem);
	}

	private Verdict verdict(Verdict.Outcome outcome, Long leafIndex, UUID eventId, String detail) {
		return new Verdict(outcome, leafIndex, eventId, detail, this.expected);
	}

}
