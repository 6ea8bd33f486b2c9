package dev.lanyard.tokenbroker.delegation.adapter.oauth;

import java.util.List;
import java.util.TreeSet;

import dev.lanyard.tokenbroker.jwt.TokenSigning;
import dev.lanyard.platform.security.ServiceTokens;
import dev.lanyard.platform.security.TokenClaims;
import dev.lanyard.tokenbroker.delegation.application.DelegatedTokenSigner;
import dev.lanyard.tokenbroker.delegation.application.IssueDelegatedToken;
import dev.lanyard.tokenbroker.delegation.domain.Actor;
import dev.lanyard.tokenbroker.delegation.domain.DelegatedToken;

import org.springframework.security.oauth2.jwt.JwtClaimsSet;

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

	private final TokenSigning signing;

	public JwtDelegatedTokenSigner(TokenSigning signing) {
		if (signing == null) {
			throw new IllegalArgumentException("signing cannot be null");
		}
		this.signing = signing;
	}

	@Override
	public String sign(DelegatedToken token) {
		if (token == null) {
			throw new IllegalArgumentException("token cannot be null");
		}
		JwtClaimsSet.Builder claims = this.signing
			.claims(token.userId(), List.of(token.audience()), token.tokenId(), token.issuedAt(), token.expiresAt())
			.claim(Actor.CLAIM, token.actor().toClaim())
			.claim(TokenClaims.SESSION_ID, token.sessionId())
			.claim(TokenClaims.TOKEN_TYPE, IssueDelegatedToken.TOKEN_TYPE);
		if (!token.scopes().isEmpty()) {
			claims.claim(TokenClaims.SCOPE, String.join(" ", new TreeSet<>(token.scopes())));
		}
		return this.signing.sign(ServiceTokens.ACCESS_TOKEN_TYP, claims);
	}

}
