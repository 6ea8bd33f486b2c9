package dev.lanyard.audit.trail.domain;

import java.time.Instant;
import java.util.List;

/**
 * What an event says about a credential. Never the credential itself: its SHA-256 only.
 * Any field may be absent when the event does not carry it.
 *
 * @param tokenType content-session, user-session or external-access
 * @param tokenId the token's jti or generated id
 * @param tokenSha256 lower-case hex SHA-256 of the token value
 * @param grantType the OAuth grant that produced it
 * @param scopes granted scopes, or {@code null} when the event carries none
 * @param audience audiences, or {@code null} when the event carries none
 * @param expiresAt when it expires
 */
public record TokenFacts(String tokenType, String tokenId, String tokenSha256, String grantType, List<String> scopes,
		List<String> audience, Instant expiresAt) {

	public TokenFacts {
		tokenType = Guards.blankToNull(tokenType);
		tokenId = Guards.blankToNull(tokenId);
		tokenSha256 = Guards.blankToNull(tokenSha256);
		grantType = Guards.blankToNull(grantType);
		scopes = (scopes != null) ? List.copyOf(scopes) : null;
		audience = (audience != null) ? List.copyOf(audience) : null;
	}

}
