package dev.lanyard.audit.ledger.application;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.lanyard.audit.ledger.domain.Checkpoint;
import dev.lanyard.audit.ledger.domain.MerkleProofs;
import dev.lanyard.audit.ledger.domain.MerkleTree;
import dev.lanyard.audit.ledger.domain.NoteSigner;
import dev.lanyard.audit.ledger.domain.StoredCheckpoint;

/**
 * Signs a checkpoint of the log when it has grown and the last one is older than the
 * interval (or at once, on demand). Before signing it proves from the stored subtrees
 * that the log still extends the last signed checkpoint, so a log altered in the database
 * is never signed over.
 */
public final class SignCheckpoint {

	private final LedgerStore store;

	private final NoteSigner signer;

	private final String origin;

	private final Clock clock;

	private final Duration interval;

	public SignCheckpoint(LedgerStore store, NoteSigner signer, String origin, Clock clock, Duration interval) {
		if (store == null || signer == null || origin == null || clock == null || interval == null) {
			throw new IllegalArgumentException("store, signer, origin, clock and interval cannot be null");
		}
		this.store = store;
		this.signer = signer;
		this.origin = origin;
		this.clock = clock;
		this.interval = interval;
	}

	/**
	 * @return the new checkpoint, if one was due
	 */
	public Optional<StoredCheckpoint> signIfDue() {
		return this.store.locked((log) -> sign(log, false));
	}

	/**
	 * @return the new checkpoint, unless the log has not grown since the last one
	 */
	public Optional<StoredCheckpoint> signNow() {
		return this.store.locked((log) -> sign(log, true));
	}

	private Optional<StoredCheckpoint> sign(LockedLog log, boolean now) {
		long size = log.size();
		Optional<StoredCheckpoint> latest = log.latestCheckpoint();
		if (size == 0 || latest.isPresent() && latest.get().size() >= size) {
			return Optional.empty();
		}
		if (!now && latest.isPresent() && this.clock.instant().isBefore(latest.get().signedAt().plus(this.interval))) {
			return Optional.empty();
		}
		MerkleTree tree = new MerkleTree(log.nodes());
		byte[] root = tree.root(size);
		if (!MessageDigest.isEqual(root, log.root())) {
			throw new LogIntegrityException("The log's stored subtrees do not give its stored root at size " + size);
		}
		if (latest.isPresent()) {
			StoredCheckpoint previous = latest.get();
			List<byte[]> proof = tree.consistencyProof(previous.size(), size);
			if (!MerkleProofs.verifyConsistency(previous.size(), size, previous.rootHash(), root, proof)) {
				throw new LogIntegrityException(
						"The stored log no longer extends the checkpoint signed at size " + previous.size());
			}
		}
		String note = this.signer.sign(new Checkpoint(this.origin, size, root));
		StoredCheckpoint checkpoint = new StoredCheckpoint(size, root, note, this.clock.instant());
		log.saveCheckpoint(checkpoint);
		return Optional.of(checkpoint);
	}

}
