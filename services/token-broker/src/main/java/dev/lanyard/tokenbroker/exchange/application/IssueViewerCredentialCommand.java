package dev.lanyard.tokenbroker.exchange.application;

import java.util.Set;

/**
 * Command: hand out a user's external access token of a viewer integration.
 *
 * @param userId the user (the subject of the user session token)
 * @param integrationId the integration (the exchange's {@code audience})
 * @param scopes the scopes asked for; empty for whatever the connection grants
 * @param contentId the content client that authenticated the request, or {@code null}
 * @param correlationId id of the request
 * @param sessionId the browser session the user session token names ({@code sid}), or
 * {@code null}; a delegated integration uses that session's upstream token
 */
public record IssueViewerCredentialCommand(String userId, String integrationId, Set<String> scopes, String contentId,
		String correlationId, String sessionId) {

	/** Without a browser session: no delegated integration can be used. */
	public IssueViewerCredentialCommand(String userId, String integrationId, Set<String> scopes, String contentId,
			String correlationId) {
		this(userId, integrationId, scopes, contentId, correlationId, null);
	}

	public IssueViewerCredentialCommand {
		if (userId == null || userId.isBlank()) {
			throw new IllegalArgumentException("userId cannot be blank");
		}
		if (integrationId == null || integrationId.isBlank()) {
			throw new IllegalArgumentException("integrationId cannot be blank");
		}
		if (scopes == null) {
			throw new IllegalArgumentException("scopes cannot be null");
		}
		if (correlationId == null || correlationId.isBlank()) {
			throw new IllegalArgumentException("correlationId cannot be blank");
		}
		scopes = Set.copyOf(scopes);
	}

}
