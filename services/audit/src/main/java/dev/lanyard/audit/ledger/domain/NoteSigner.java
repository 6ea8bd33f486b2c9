package dev.lanyard.audit.ledger.domain;

import java.security.PrivateKey;

/** The log's signing key: its public half as a {@link NoteKey}, and the private half. */
public final class NoteSigner {

	private final NoteKey key;

	private final PrivateKey privateKey;

	public NoteSigner(NoteKey key, PrivateKey privateKey) {
		if (key == null) {
			throw new IllegalArgumentException("key cannot be null");
		}
		if (privateKey == null) {
			throw new IllegalArgumentException("privateKey cannot be null");
		}
		this.key = key;
		this.privateKey = privateKey;
	}

	public NoteKey key() {
		return this.key;
	}

	/** The signed note of a checkpoint. */
	public String sign(Checkpoint checkpoint) {
		if (checkpoint == null) {
			throw new IllegalArgumentException("checkpoint cannot be null");
		}
		return SignedNotes.sign(checkpoint.body(), this.key, this.privateKey);
	}

	@Override
	public String toString() {
		// never the private key
		return "NoteSigner[" + this.key.verifierKey() + "]";
	}

}
