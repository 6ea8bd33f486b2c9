package dev.lanyard.tokenbroker.connections.domain;

import java.time.Instant;
import java.util.Set;

/**
 * A user's standing grant at a viewer integration's external service.
 *
 * @param userId the user
 * @param integrationId the integration
 * @param scopes the scopes the external service granted
 * @param refreshToken the external refresh token; a secret, never logged
 * @param version increases with every stored rotation of the refresh token
 * @param connectedAt when the user connected
 */
public record Connection(String userId, String integrationId, Set<String> scopes, String refreshToken, long version,
		Instant connectedAt) {

	public Connection {
		if (userId == null || userId.isBlank()) {
			throw new IllegalArgumentException("userId cannot be blank");
		}
		if (integrationId == null || integrationId.isBlank()) {
			throw new IllegalArgumentException("integrationId cannot be blank");
		}
		if (scopes == null) {
			throw new IllegalArgumentException("scopes cannot be null");
		}
		if (refreshToken == null || refreshToken.isEmpty()) {
			throw new IllegalArgumentException("refreshToken cannot be empty");
		}
		if (connectedAt == null) {
			throw new IllegalArgumentException("connectedAt cannot be null");
		}
		scopes = Set.copyOf(scopes);
	}

	/** Never the refresh token: records print their components. */
	@Override
	public String toString() {
		return "Connection[userId=" + this.userId + ", integrationId=" + this.integrationId + ", scopes=" + this.scopes
				+ ", version=" + this.version + "]";
	}

}
