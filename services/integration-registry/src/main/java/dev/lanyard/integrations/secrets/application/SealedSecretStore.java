package dev.lanyard.integrations.secrets.application;

import java.util.List;
import java.util.UUID;

/** Where sealed client secrets live, as far as re-wrapping needs it. */
public interface SealedSecretStore {

	/** A stored secret and its integration. */
	record StoredSecret(UUID integrationId, SealedSecret sealed) {
	}

	/** Every stored secret not sealed under the given KEK. */
	List<StoredSecret> sealedUnderOtherThan(String keyId);

	/**
	 * Replaces a secret if it is still exactly {@code expected}; {@code false} when it
	 * changed meanwhile (rotated or deleted), which leaves it alone.
	 */
	boolean replace(UUID integrationId, SealedSecret expected, SealedSecret replacement);

}
