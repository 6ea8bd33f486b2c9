package dev.lanyard.tokenbroker.custody.application;

import java.time.Instant;
import java.util.UUID;

/**
 * Command: keep the upstream access token a user signed in with, for their browser
 * session (the gateway's request at sign-in).
 *
 * @param sessionId the browser session (the {@code sid} of its tokens)
 * @param loginEventId the event id of the sign-in that began it (its UserLoggedIn)
 * @param userId the user signed in
 * @param accessToken the upstream access token; a secret, never logged
 * @param expiresAt when the upstream token expires
 */
public record DepositUpstreamTokenCommand(String sessionId, UUID loginEventId, String userId, String accessToken,
		Instant expiresAt) {

	public DepositUpstreamTokenCommand {
		if (sessionId == null || sessionId.isBlank()) {
			throw new IllegalArgumentException("sessionId cannot be blank");
		}
		if (loginEventId == null) {
			throw new IllegalArgumentException("loginEventId cannot be null");
		}
		if (userId == null || userId.isBlank()) {
			throw new IllegalArgumentException("userId cannot be blank");
		}
		if (accessToken == null || accessToken.isEmpty()) {
			throw new IllegalArgumentException("accessToken cannot be empty");
		}
		if (expiresAt == null) {
			throw new IllegalArgumentException("expiresAt cannot be null");
		}
	}

	@Override
	public String toString() {
		return "DepositUpstreamTokenCommand[sessionId=" + this.sessionId + ", userId=" + this.userId + ", expiresAt="
				+ this.expiresAt + "]";
	}

}
