package dev.lanyard.tokenbroker.delegation.application;

import java.time.Instant;
import java.util.Set;

import dev.lanyard.tokenbroker.delegation.domain.Actor;

/**
 * Command: issue a token for the subject token's user, on which the authenticated client
 * acts. Both presented tokens have been verified (signature, issuer, type, expiry,
 * session) before.
 *
 * @param userId the subject token's {@code sub}
 * @param sessionId the subject token's {@code sid} (its browser session)
 * @param subjectScopes the subject token's {@code scope} (empty when absent)
 * @param subjectExpiresAt the subject token's {@code exp}
 * @param subjectActor the subject token's own {@code act}, or {@code null}
 * @param mayAct the subject token's {@code may_act.sub}, or {@code null}
 * @param actorTokenSubject the actor token's {@code sub}, or {@code null} when it did not
 * verify
 * @param clientId the authenticated client
 * @param audience the requested {@code audience}
 * @param requestedScopes the requested {@code scope}; empty for the subject token's
 * @param correlationId id of the request
 */
public record IssueDelegatedTokenCommand(String userId, String sessionId, Set<String> subjectScopes,
		Instant subjectExpiresAt, Actor subjectActor, String mayAct, String actorTokenSubject, String clientId,
		String audience, Set<String> requestedScopes, String correlationId) {

	public IssueDelegatedTokenCommand {
		if (userId == null || userId.isBlank()) {
			throw new IllegalArgumentException("userId cannot be blank");
		}
		if (sessionId == null || sessionId.isBlank()) {
			throw new IllegalArgumentException("sessionId cannot be blank");
		}
		if (subjectScopes == null) {
			throw new IllegalArgumentException("subjectScopes cannot be null");
		}
		if (subjectExpiresAt == null) {
			throw new IllegalArgumentException("subjectExpiresAt cannot be null");
		}
		if (clientId == null || clientId.isBlank()) {
			throw new IllegalArgumentException("clientId cannot be blank");
		}
		if (audience == null || audience.isBlank()) {
			throw new IllegalArgumentException("audience cannot be blank");
		}
		if (requestedScopes == null) {
			throw new IllegalArgumentException("requestedScopes cannot be null");
		}
		if (correlationId == null || correlationId.isBlank()) {
			throw new IllegalArgumentException("correlationId cannot be blank");
		}
		subjectScopes = Set.copyOf(subjectScopes);
		requestedScopes = Set.copyOf(requestedScopes);
	}

}
