package dev.lanyard.tokenbroker.sessions.application;

import java.util.UUID;

/**
 * Command: mint a user session token for a signed-in user, on the gateway's request.
 *
 * @param gatewayClientId the gateway client asking (the actor)
 * @param userId the user
 * @param minimumUserVersion the user version the gateway knows, or {@code null}
 * @param sessionId the gateway's browser session: the token ends when it is signed out of
 * @param loginEventId the event id of the sign-in that began the session
 * @param kind what the token is for
 * @param contentId the content item that will hold the token: required for
 * {@link UserTokenKind#CONTENT}, {@code null} for the gateway's own kinds
 * @param correlationId id of the request
 */
public record IssueUserSessionTokenCommand(String gatewayClientId, String userId, Long minimumUserVersion,
		String sessionId, UUID loginEventId, UserTokenKind kind, String contentId, String correlationId) {

	public IssueUserSessionTokenCommand {
		if (gatewayClientId == null || gatewayClientId.isBlank()) {
			throw new IllegalArgumentException("gatewayClientId cannot be blank");
		}
		if (userId == null || userId.isBlank()) {
			throw new IllegalArgumentException("userId cannot be blank");
		}
		if (sessionId == null || sessionId.isBlank()) {
			throw new IllegalArgumentException("sessionId cannot be blank");
		}
		if (loginEventId == null) {
			throw new IllegalArgumentException("loginEventId cannot be null");
		}
		if (kind == null) {
			throw new IllegalArgumentException("kind cannot be null");
		}
		if ((kind == UserTokenKind.CONTENT) != (contentId != null)) {
			throw new IllegalArgumentException("contentId is required for a content token and only for it");
		}
		if (correlationId == null || correlationId.isBlank()) {
			throw new IllegalArgumentException("correlationId cannot be blank");
		}
	}

}
