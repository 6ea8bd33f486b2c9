package dev.lanyard.audit.ledger.domain;

import java.security.MessageDigest;
import java.time.Instant;

/**
 * A checkpoint as kept: its size and root, and the signed note that states them.
 *
 * @param size the tree size
 * @param rootHash the root
 * @param note the signed note
 * @param signedAt when it was signed
 */
public record StoredCheckpoint(long size, byte[] rootHash, String note, Instant signedAt) {

	public StoredCheckpoint {
		if (rootHash == null || note == null || signedAt == null) {
			throw new IllegalArgumentException("rootHash, note and signedAt cannot be null");
		}
	}

	/** Why the note does not state this size and root under {@code key}, or null. */
	public String problem(NoteKey key, String origin) {
		Checkpoint stated;
		try {
			stated = Checkpoint.parse(SignedNotes.open(this.note, key));
		}
		catch (IllegalArgumentException ex) {
			return ex.getMessage();
		}
		if (!stated.origin().equals(origin)) {
			return "the note names another log";
		}
		if (stated.size() != this.size || !MessageDigest.isEqual(stated.rootHash(), this.rootHash)) {
			return "the stored size or root differs from the signed note";
		}
		return null;
	}

}
