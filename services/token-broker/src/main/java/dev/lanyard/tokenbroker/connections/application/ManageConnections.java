package dev.lanyard.tokenbroker.connections.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.tokenbroker.integrations.application.IntegrationReadModel;
import dev.lanyard.tokenbroker.integrations.domain.Integration;
import dev.lanyard.tokenbroker.issuance.application.AuditTrailUnavailableException;
import dev.lanyard.tokenbroker.issuance.application.RevocationRecorder;
import dev.lanyard.tokenbroker.issuance.domain.TokenRevocation;

/**
 * A user's own connections: list them, disconnect one (recorded as a TokenRevoked for
 * that integration's tokens of the user).
 */
public final class ManageConnections {

	private static final Logger log = LoggerFactory.getLogger(ManageConnections.class);

	private final ConnectionStore store;

	private final IntegrationReadModel integrations;

	private final ViewerTokens tokens;

	private final RevocationRecorder revocations;

	private final Clock clock;

	public ManageConnections(ConnectionStore store, IntegrationReadModel integrations, ViewerTokens tokens,
			RevocationRecorder revocations, Clock clock) {
		if (store == null) {
			throw new IllegalArgumentException("store cannot be null");
		}
		if (integrations == null) {
			throw new IllegalArgumentException("integrations cannot be null");
		}
		if (tokens == null) {
			throw new IllegalArgumentException("tokens cannot be null");
		}
		if (revocations == null) {
			throw new IllegalArgumentException("revocations cannot be null");
		}
		if (clock == null) {
			throw new IllegalArgumentException("clock cannot be null");
		}
		this.store = store;
		this.integrations = integrations;
		this.tokens = tokens;
		this.revocations = revocations;
		this.clock = clock;
	}

	/** The user's connections, by integration id. */
	public List<ConnectionView> list(String userId) {
		if (userId == null || userId.isBlank()) {
			throw new IllegalArgumentException("userId cannot be blank");
		}
		return this.store.findByUser(userId)
			.stream()
			.map((c) -> new ConnectionView(c.integrationId(),
					this.integrations.find(c.integrationId()).map(Integration::name).orElse(c.integrationId()),
					c.connectedAt(), c.scopes()))
			.toList();
	}

	/**
	 * Deletes the user's connection (refresh and access token); whether there was one.
	 * The revocation stands even when its record is not acknowledged in time (it is still
	 * delivered later).
	 */
	public boolean disconnect(String userId, String integrationId, String correlationId) {
		if (userId == null || userId.isBlank()) {
			throw new IllegalArgumentException("userId cannot be blank");
		}
		if (integrationId == null || integrationId.isBlank()) {
			throw new IllegalArgumentException("integrationId cannot be blank");
		}
		boolean deleted = this.store.delete(userId, integrationId);
		this.tokens.forget(userId, integrationId);
		if (deleted) {
			log.info("User {} disconnected integration {}", userId, integrationId);
			TokenRevocation revocation = TokenRevocation.disconnected(userId, integrationId, correlationId,
					this.clock.instant());
			try {
				this.revocations.record(revocation);
			}
			catch (AuditTrailUnavailableException ex) {
				log.warn("Revocation {} of user {} for integration {} not recorded in time: {}", revocation.eventId(),
						userId, integrationId, ex.getMessage());
			}
		}
		return deleted;
	}

	/**
	 * A connection as its user sees it.
	 *
	 * @param name the integration's name (its id when no longer known)
	 */
	public record ConnectionView(String integrationId, String name, Instant connectedAt, Set<String> scopes) {

	}

}
