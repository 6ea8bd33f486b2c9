package dev.lanyard.provisioning.scim.auth.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.lanyard.provisioning.scim.auth.domain.ScimClientAccount;

/** Where SCIM clients and the SHA-256 of their secrets are kept. */
public interface ScimClientStore {

	void insert(ScimClientAccount client, byte[] secretSha256);

	Optional<ScimClientAccount> find(UUID id);

	/** Every client, revoked ones included, ordered by name. */
	List<ScimClientAccount> all();

	boolean nameTaken(String name);

	/** The client not revoked whose secret has this SHA-256. */
	Optional<ScimClientAccount> findActiveBySecret(byte[] secretSha256);

	/** Replaces a client's secret unless it is revoked; whether it did. */
	boolean replaceSecret(UUID id, byte[] secretSha256, Instant rotatedAt);

	/** Revokes a client unless it is already; whether it did. */
	boolean revoke(UUID id, Instant revokedAt);

	void markUsed(UUID id, Instant usedAt);

}
