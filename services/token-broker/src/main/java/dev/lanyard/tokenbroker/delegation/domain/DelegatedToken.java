package dev.lanyard.tokenbroker.delegation.domain;

import java.time.Instant;
import java.util.Set;

/**
 * What a delegated token says: the user it stands for, who acts for them, the one
 * audience, the scopes, and when it lives.
 *
 * @param tokenId its {@code jti}
 * @param userId its {@code sub}
 * @param actor its {@code act}
 * @param audience its one {@code aud}
 * @param scopes its {@code scope} (may be empty)
 * @param issuedAt its {@code iat}
 * @param expiresAt its {@code exp}
 * @param sessionId its {@code sid}: the browser session of the subject token, so that
 * signing out ends it too
 */
public record DelegatedToken(String tokenId, String userId, Actor actor, String audience, Set<String> scopes,
		Instant issuedAt, Instant expiresAt, String sessionId) {

	public DelegatedToken {
		if (tokenId == null || tokenId.isBlank()) {
			throw new IllegalArgumentException("tokenId cannot be blank");
		}
		if (userId == null || userId.isBlank()) {
			throw new IllegalArgumentException("userId cannot be blank");
		}
		if (actor == null) {
			throw new IllegalArgumentException("actor cannot be null");
		}
		if (audience == null || audience.isBlank()) {
			throw new IllegalArgumentException("audience cannot be blank");
		}
		if (scopes == null) {
			throw new IllegalArgumentException("scopes cannot be null");
		}
		if (issuedAt == null || expiresAt == null || !expiresAt.isAfter(issuedAt)) {
			throw new IllegalArgumentException("expiresAt must be after issuedAt");
		}
		if (sessionId == null || sessionId.isBlank()) {
			throw new IllegalArgumentException("sessionId cannot be blank");
		}
		scopes = Set.copyOf(scopes);
	}

}
