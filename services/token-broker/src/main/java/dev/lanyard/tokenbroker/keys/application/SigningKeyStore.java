package dev.lanyard.tokenbroker.keys.application;

import java.time.Instant;
import java.util.List;

import dev.lanyard.tokenbroker.keys.domain.SigningAlgorithm;

/** Where signing keys are kept across restarts, and shared by every instance. */
public interface SigningKeyStore {

	/** Every stored key, active or retired, oldest first. */
	List<StoredSigningKey> findAll();

	/**
	 * Stores the key as the active one for its algorithm; {@code false} when another
	 * active key for that algorithm exists (e.g. another instance stored one first).
	 */
	boolean insertActive(StoredSigningKey key);

	/**
	 * In one step, retires the active key {@code currentKid} at {@code at} and stores
	 * {@code next} as the active key of its algorithm.
	 * @return {@code false}, storing nothing, when {@code currentKid} is no longer active
	 * (another instance rotated first)
	 */
	boolean rotate(String currentKid, StoredSigningKey next, Instant at);

	/** Deletes the keys retired before {@code cutoff}; returns their ids. */
	List<String> deleteRetiredBefore(Instant cutoff);

	/** The active key of {@code algorithm} among {@code keys}, or {@code null}. */
	static StoredSigningKey activeKey(List<StoredSigningKey> keys, SigningAlgorithm algorithm) {
		return keys.stream().filter((k) -> k.active() && k.algorithm() == algorithm).findFirst().orElse(null);
	}

	/**
	 * A key as stored.
	 *
	 * @param kid its key id
	 * @param algorithm what it signs with
	 * @param keyEncryption how the material is protected: {@code none} or {@code A256GCM}
	 * @param material the JWK JSON, encrypted or not
	 * @param createdAt when it was generated
	 * @param retiredAt when it stopped signing new tokens; {@code null} while it is the
	 * active key
	 */
	record StoredSigningKey(String kid, SigningAlgorithm algorithm, String keyEncryption, byte[] material,
			Instant createdAt, Instant retiredAt) {

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

		/** Whether it signs new tokens (retired keys only verify). */
		public boolean active() {
			return this.retiredAt == null;
		}

		@Override
		public String toString() {
			return "StoredSigningKey[kid=" + this.kid + ", algorithm=" + this.algorithm + ", keyEncryption="
					+ this.keyEncryption + ", createdAt=" + this.createdAt + ", retiredAt=" + this.retiredAt + "]";
		}

	}

}
