package dev.lanyard.tokenbroker.custody.domain;

import java.time.Instant;

/**
 * The upstream identity provider's access token of one browser session, held for
 * delegation at a provider (RFC 8693 token exchange, Entra's on-behalf-of). Bound to the
 * session and its user: only a user session token naming both ({@code sid} and
 * {@code sub}) may use it.
 *
 * @param sessionId the gateway's browser session (the {@code sid} of its tokens)
 * @param userId the Lanyard user signed in to it
 * @param value the upstream access token; a secret, never logged
 * @param expiresAt when the upstream token expires; never used after
 */
public record UpstreamToken(String sessionId, String userId, String value, Instant expiresAt) {

	public UpstreamToken {
		if (sessionId == null || sessionId.isBlank()) {
			throw new IllegalArgumentException("sessionId cannot be blank");
		}
		if (userId == null || userId.isBlank()) {
			throw new IllegalArgumentException("userId cannot be blank");
		}
		if (value == null || value.isEmpty()) {
			throw new IllegalArgumentException("value cannot be empty");
		}
		if (expiresAt == null) {
			throw new IllegalArgumentException("expiresAt cannot be null");
		}
	}

	/** Whether it may be used at {@code now} for that session and user. */
	public boolean usableBy(String sessionId, String userId, Instant now) {
		return this.sessionId.equals(sessionId) && this.userId.equals(userId) && now.isBefore(this.expiresAt);
	}

	/** Never the value: records print their components. */
	@Override
	public String toString() {
		return "UpstreamToken[sessionId=" + this.sessionId + ", userId=" + this.userId + ", expiresAt=" + this.expiresAt
				+ "]";
	}

}
