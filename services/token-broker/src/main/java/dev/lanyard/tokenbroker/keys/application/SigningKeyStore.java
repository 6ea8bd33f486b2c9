package dev.lanyard.tokenbroker.keys.application;

import java.time.Instant;
import java.util.List;

import dev.lanyard.tokenbroker.keys.domain.SigningAlgorithm;

/** Where signing keys are kept across restarts. */
public interface SigningKeyStore {

	/** Every stored key, active or not. */
	List<StoredSigningKey> findAll();

	/**
	 * Stores the key as the active one for its algorithm; {@code false} when another
	 * active key for that algorithm exists (e.g. another instance stored one first).
	 */
	boolean insertActive(StoredSigningKey key);

	/**
	 * A key as stored.
	 *
	 * @param kid its key id
	 * @param algorithm what it signs with
	 * @param active whether it signs new tokens (inactive keys only verify)
	 * @param keyEncryption how the material is protected: {@code none} or {@code A256GCM}
	 * @param material the JWK JSON, encrypted or not
	 * @param createdAt when it was generated
	 */
	record StoredSigningKey(String kid, SigningAlgorithm algorithm, boolean active, String keyEncryption,
			byte[] material, Instant createdAt) {

		public StoredSigningKey {
			if (kid == null || kid.isEmpty()) {
				throw new IllegalArgumentException("kid cannot be empty");
			}
			if (algorithm == null) {
				throw new IllegalArgumentException("algorithm cannot be null");
			}
			if (keyEncryption == null) {
				throw new IllegalArgumentException("keyEncryption cannot be null");
			}
			if (material == null || material.length == 0) {
				throw new IllegalArgumentException("material cannot be empty");
			}
			if (createdAt == null) {
				throw new IllegalArgumentException("createdAt cannot be null");
			}
		}

		@Override
		public String toString() {
			return "StoredSigningKey[kid=" + this.kid + ", algorithm=" + this.algorithm + ", active=" + this.active
					+ ", keyEncryption=" + this.keyEncryption + "]";
		}

	}

}
