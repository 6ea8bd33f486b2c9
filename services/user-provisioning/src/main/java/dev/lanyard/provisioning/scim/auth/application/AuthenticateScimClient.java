package dev.lanyard.provisioning.scim.auth.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.lanyard.provisioning.scim.auth.ScimClient;
import dev.lanyard.provisioning.scim.auth.domain.ScimClientAccount;
import dev.lanyard.provisioning.scim.auth.domain.ScimSecret;

/**
 * Who a presented SCIM bearer secret belongs to: one lookup of its SHA-256 by a unique
 * index, revoked clients excluded, so a revocation or rotation refuses the very next
 * request. {@code last_used_at} is written at most once a {@link #USE_RESOLUTION}, so a
 * push of thousands of requests does not write the client's row thousands of times.
 */
public final class AuthenticateScimClient {

	static final Duration USE_RESOLUTION = Duration.ofMinutes(1);

	private final ScimClientStore clients;

	private final Clock clock;

	public AuthenticateScimClient(ScimClientStore clients, Clock clock) {
		if (clients == null || clock == null) {
			throw new IllegalArgumentException("clients and clock cannot be null");
		}
		this.clients = clients;
		this.clock = clock;
	}

	/** The client the secret belongs to, or empty when it is unknown or revoked. */
	public Optional<ScimClient> authenticate(String presentedSecret) {
		if (!ScimSecret.isWellFormed(presentedSecret)) {
			return Optional.empty();
		}
		Optional<ScimClientAccount> found = this.clients.findActiveBySecret(ScimSecret.sha256(presentedSecret));
		found.ifPresent(this::markUsed);
		return found.map(ScimClientAccount::client);
	}

	private void markUsed(ScimClientAccount client) {
		Instant now = this.clock.instant();
		if (client.lastUsedAt() == null || client.lastUsedAt().plus(USE_RESOLUTION).isBefore(now)) {
			this.clients.markUsed(client.id(), now);
		}
	}

}
