package dev.lanyard.tokenbroker.federation.application;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A Lanyard token just signed, described by the claims it was signed with.
 *
 * @param tokenId its {@code jti}
 * @param value the signed token
 * @param issuedAt its {@code iat}
 * @param expiresAt its {@code exp}
 * @param audience its {@code aud}
 * @param scopes its scopes
 */
public record SignedToken(String tokenId, String value, Instant issuedAt, Instant expiresAt, List<String> audience,
		Set<String> scopes) {

	public SignedToken {
		if (tokenId == null || value == null || issuedAt == null || expiresAt == null) {
			throw new IllegalArgumentException("tokenId, value, issuedAt and expiresAt cannot be null");
		}
		audience = (audience != null) ? List.copyOf(audience) : List.of();
		scopes = (scopes != null) ? Set.copyOf(scopes) : Set.of();
	}

	@Override
	public String toString() {
		return "SignedToken[tokenId=" + this.tokenId + ", value=<redacted>, expiresAt=" + this.expiresAt + "]";
	}

}
