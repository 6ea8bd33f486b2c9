package dev.lanyard.tokenbroker.exchange.application;

import java.util.Set;

/**
 * Command: hand content an external access token of a service-account integration.
 *
 * @param contentId the content asking (the subject)
 * @param integrationId the integration (the exchange's {@code audience})
 * @param scopes the scopes asked for; empty for all of the integration's
 * @param actorId the client that authenticated the request (the content itself), or
 * {@code null}
 * @param correlationId id of the request
 * @param onBehalfOfUserId backend mapping: the user the content acts for (from a user
 * session token minted for it), or {@code null}
 */
public record IssueServiceAccountCredentialCommand(String contentId, String integrationId, Set<String> scopes,
		String actorId, String correlationId, String onBehalfOfUserId) {

	/** Content asking for itself. */
	public IssueServiceAccountCredentialCommand(String contentId, String integrationId, Set<String> scopes,
			String actorId, String correlationId) {
		this(contentId, integrationId, scopes, actorId, correlationId, null);
	}

	public IssueServiceAccountCredentialCommand {
		if (contentId == null || contentId.isBlank()) {
			throw new IllegalArgumentException("contentId cannot be blank");
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
		if (onBehalfOfUserId != null && onBehalfOfUserId.isBlank()) {
			throw new IllegalArgumentException("onBehalfOfUserId cannot be blank");
		}
		scopes = Set.copyOf(scopes);
	}

}
