package dev.lanyard.tokenbroker.external.adapter.oauth;

import java.time.Instant;
import java.util.List;

import dev.lanyard.platform.security.ServiceTokens;
import dev.lanyard.platform.security.TokenClaims;
import dev.lanyard.tokenbroker.external.application.InternalTokenSigner;
import dev.lanyard.tokenbroker.external.application.IssueInternalServiceToken;
import dev.lanyard.tokenbroker.issuance.domain.TokenIssuance;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * Signs internal-service tokens with the active key: {@code iss}, {@code sub} =
 * {@code token-broker}, {@code aud}, {@code iat}, {@code nbf}, {@code exp}, {@code jti},
 * {@code roles} = [{@code token-broker}], {@code lanyard_token_type} =
 * {@code internal-service}.
 */
public final class JwtInternalTokenSigner implements InternalTokenSigner {

	private final JwtEncoder encoder;

	private final SignatureAlgorithm algorithm;

	private final String issuer;

	public JwtInternalTokenSigner(JwtEncoder encoder, SignatureAlgorithm algorithm, String issuer) {
		if (encoder == null) {
			throw new IllegalArgumentException("encoder cannot be null");
		}
		if (algorithm == null) {
			throw new IllegalArgumentException("algorithm cannot be null");
		}
		if (issuer == null || issuer.isBlank()) {
			throw new IllegalArgumentException("issuer cannot be blank");
		}
		this.encoder = encoder;
		this.algorithm = algorithm;
		this.issuer = issuer;
	}

	@Override
	public String sign(String audience, String tokenId, Instant issuedAt, Instant expiresAt) {
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(this.issuer)
			.subject(IssueInternalServiceToken.SERVICE)
			.audience(List.of(audience))
			.issuedAt(issuedAt)
			.notBefore(issuedAt)
			.expiresAt(expiresAt)
			.id(tokenId)
			.claim(TokenClaims.ROLES, List.of(IssueInternalServiceToken.SERVICE))
			.claim(TokenClaims.TOKEN_TYPE, TokenIssuance.INTERNAL_SERVICE)
			.build();
		return this.encoder
			.encode(JwtEncoderParameters
				.from(JwsHeader.with(this.algorithm).type(ServiceTokens.ACCESS_TOKEN_TYP).build(), claims))
			.getTokenValue();
	}

}
