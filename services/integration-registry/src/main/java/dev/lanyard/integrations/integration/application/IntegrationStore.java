package dev.lanyard.integrations.integration.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.lanyard.integrations.integration.domain.Integration;
import dev.lanyard.integrations.secrets.application.SealedSecret;

/** Integrations, their content links and their sealed client secrets. */
public interface IntegrationStore {

	/** A sealed secret with the version it is. */
	record StoredClientSecret(long secretVersion, SealedSecret sealed) {
	}

	/**
	 * Stores a new integration; {@code secret} is {@code null} for a federation kind.
	 * @throws IntegrationNameTakenException when a live one has the name
	 */
	void insert(Integration integration, SealedSecret secret);

	/** A live integration, locked against other changes until the transaction ends. */
	Optional<Integration> lock(UUID id);

	Optional<Integration> find(UUID id);

	/** Every live integration, by name. */
	List<Integration> list();

	/**
	 * Whether a live integration other than {@code except} has the name, ignoring case.
	 */
	boolean nameTaken(String name, UUID except);

	/**
	 * Stores changed settings (allowed groups included) and version.
	 * @throws IntegrationNameTakenException when a live one has the name
	 */
	void update(Integration integration);

	/** Stores a new secret with the integration's new secret version. */
	void updateSecret(Integration integration, SealedSecret secret);

	/** Marks it deleted, drops its secret and content links. */
	void markDeleted(Integration integration);

	void addContent(Integration integration, String contentId, Instant at, String by);

	void removeContent(Integration integration, String contentId);

	Optional<StoredClientSecret> secretOf(UUID id);

}
