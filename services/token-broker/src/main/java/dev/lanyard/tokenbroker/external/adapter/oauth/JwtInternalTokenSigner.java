package dev.lanyard.tokenbroker.external.adapter.oauth;

import java.time.Instant;
import java.util.List;

import dev.lanyard.tokenbroker.jwt.TokenSigning;
import dev.lanyard.platform.security.ServiceTokens;
import dev.lanyard.platform.security.TokenClaims;
import dev.lanyard.tokenbroker.external.application.InternalTokenSigner;
import dev.lanyard.tokenbroker.external.application.IssueInternalServiceToken;
import dev.lanyard.tokenbroker.issuance.domain.TokenIssuance;

import org.springframework.security.oauth2.jwt.JwtClaimsSet;

/**
 * Signs internal-service tokens with the active key: {@code iss}, {@code sub} =
 * {@code token-broker}, {@code aud}, {@code iat}, {@code nbf}, {@code exp}, {@code jti},
 * {@code roles} = [{@code token-broker}], {@code lanyard_token_type} =
 * {@code internal-service}.
 */
public final class JwtInternalTokenSigner implements InternalTokenSigner {

	private final TokenSigning signing;

	public JwtInternalTokenSigner(TokenSigning signing) {
		if (signing == null) {
			throw new IllegalArgumentException("signing cannot be null");
		}
		this.signing = signing;
	}

	@Override
	public String sign(String audience, String tokenId, Instant issuedAt, Instant expiresAt) {
		JwtClaimsSet.Builder claims = this.signing
			.claims(IssueInternalServiceToken.SERVICE, List.of(audience), tokenId, issuedAt, expiresAt)
			.claim(TokenClaims.ROLES, List.of(IssueInternalServiceToken.SERVICE))
			.claim(TokenClaims.TOKEN_TYPE, TokenIssuance.INTERNAL_SERVICE);
		return this.signing.sign(ServiceTokens.ACCESS_TOKEN_TYP, claims);
	}

}
