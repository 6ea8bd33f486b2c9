package dev.lanyard.tokenbroker.delegation.adapter.oauth;

import java.util.List;
import java.util.TreeSet;

import dev.lanyard.platform.security.ServiceTokens;
import dev.lanyard.platform.security.TokenClaims;
import dev.lanyard.tokenbroker.delegation.application.DelegatedTokenSigner;
import dev.lanyard.tokenbroker.delegation.application.IssueDelegatedToken;
import dev.lanyard.tokenbroker.delegation.domain.Actor;
import dev.lanyard.tokenbroker.delegation.domain.DelegatedToken;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * Signs delegated tokens with the service's active key (the encoder every Lanyard token
 * goes through): {@code typ at+jwt} (RFC 9068), {@code iss}, {@code sub} = the user,
 * {@code aud} = the one audience, {@code act} (nested as RFC 8693 §4.1), {@code scope}
 * when there is one, {@code sid} (the subject token's browser session: signing out ends
 * it), {@code lanyard_token_type} = {@code user-delegated}, {@code jti}, {@code iat},
 * {@code nbf}, {@code exp}. No {@code may_act}: a delegated token cannot be delegated
 * again.
 */
public final class JwtDelegatedTokenSigner implements DelegatedTokenSigner {

	private final JwtEncoder encoder;

	private final SignatureAlgorithm algorithm;

	private final String issuer;

	public JwtDelegatedTokenSigner(JwtEncoder encoder, SignatureAlgorithm algorithm, String issuer) {
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
	public String sign(DelegatedToken token) {
		if (token == null) {
			throw new IllegalArgumentException("token cannot be null");
		}
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.issuer(this.issuer)
			.subject(token.userId())
			.audience(List.of(token.audience()))
			.issuedAt(token.issuedAt())
			.notBefore(token.issuedAt())
			.expiresAt(token.expiresAt())
			.id(token.tokenId())
			.claim(Actor.CLAIM, token.actor().toClaim())
			.claim(TokenClaims.SESSION_ID, token.sessionId())
			.claim(TokenClaims.TOKEN_TYPE, IssueDelegatedToken.TOKEN_TYPE);
		if (!token.scopes().isEmpty()) {
			claims.claim(TokenClaims.SCOPE, String.join(" ", new TreeSet<>(token.scopes())));
		}
		return this.encoder
			.encode(JwtEncoderParameters
				.from(JwsHeader.with(this.algorithm).type(ServiceTokens.ACCESS_TOKEN_TYP).build(), claims.build()))
			.getTokenValue();
	}

}
