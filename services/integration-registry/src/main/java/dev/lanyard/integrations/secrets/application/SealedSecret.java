package dev.lanyard.integrations.secrets.application;

import java.util.Arrays;

/**
 * A client secret as stored: AES-256-GCM ciphertext (12-byte IV, then ciphertext and tag)
 * and the id of the key-encryption key that sealed it.
 *
 * @param keyId id of the key-encryption key
 * @param ciphertext IV, ciphertext and tag
 */
public record SealedSecret(String keyId, byte[] ciphertext) {

	public SealedSecret {
		if (keyId == null || keyId.isBlank()) {
			throw new IllegalArgumentException("keyId cannot be blank");
		}
		if (ciphertext == null || ciphertext.length == 0) {
			throw new IllegalArgumentException("ciphertext cannot be empty");
		}
		ciphertext = ciphertext.clone();
	}

	@Override
	public byte[] ciphertext() {
		return this.ciphertext.clone();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof SealedSecret that && this.keyId.equals(that.keyId)
				&& Arrays.equals(this.ciphertext, that.ciphertext);
	}

	@Override
	public int hashCode() {
		return 31 * this.keyId.hashCode() + Arrays.hashCode(this.ciphertext);
	}

	@Override
	public String toString() {
		return "SealedSecret[keyId=" + this.keyId + ", " + this.ciphertext.length + " bytes]";
	}

}
