package dev.lanyard.tokenbroker.keys.application;

import java.util.List;

import dev.lanyard.tokenbroker.keys.application.SigningKeyStore.StoredSigningKey;
import dev.lanyard.tokenbroker.keys.domain.SigningAlgorithm;

/**
 * The signing keys this instance holds in memory, as rotation and the admin API see them;
 * the key format (JWK) stays in the adapter that implements it.
 */
public interface SigningKeyring {

	/** The algorithm new tokens are signed with. */
	SigningAlgorithm algorithm();

	/** The stored keys as last loaded, oldest first (material as stored). */
	List<StoredSigningKey> stored();

	/**
	 * Reads the keys again. A failure (store unreachable, a row refused) leaves the keys
	 * as they were and is thrown.
	 */
	void reload();

	/** A new key of {@link #algorithm()}, sealed for the store but not stored. */
	StoredSigningKey newKey();

}
