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
 */
public record IssueServiceAccountCredentialCommand(String contentId, String integrationId, Set<String> scopes,
		String actorId, String correlationId) {

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
		scopes = Set.copyOf(scopes);
	}

}
