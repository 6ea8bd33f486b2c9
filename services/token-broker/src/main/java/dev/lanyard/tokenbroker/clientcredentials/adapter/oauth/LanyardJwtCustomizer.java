package dev.lanyard.tokenbroker.clientcredentials.adapter.oauth;

import java.util.List;
import java.util.TreeSet;

import dev.lanyard.platform.security.ServiceTokens;
import dev.lanyard.platform.security.TokenClaims;
import dev.lanyard.tokenbroker.clients.adapter.oauth.CachingRegisteredClientRepository;
import dev.lanyard.tokenbroker.issuance.domain.TokenIssuance;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Shapes every JWT the authorization server's token generator signs: the configured
 * signature algorithm and the {@code at+jwt} header; and for client-credentials access
 * tokens (what resource servers know as content session tokens, whatever the client's
 * kind) the {@code roles} claim (the client's kind), the audience of that kind,
 * {@code lanyard_token_type} and {@code scope} as a space-separated string (RFC 9068
 * §2.2.3).
 */
public final class LanyardJwtCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

	private final SignatureAlgorithm algorithm;

	public LanyardJwtCustomizer(SignatureAlgorithm algorithm) {
		if (algorithm == null) {
			throw new IllegalArgumentException("algorithm cannot be null");
		}
		this.algorithm = algorithm;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		context.getJwsHeader().algorithm(this.algorithm);
		context.getJwsHeader().type(ServiceTokens.ACCESS_TOKEN_TYP);
		if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())
				|| !AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
			return;
		}
		String kind = context.getRegisteredClient()
			.getClientSettings()
			.getSetting(CachingRegisteredClientRepository.KIND_SETTING);
		if (kind == null) {
			throw new OAuth2AuthenticationException(
					new OAuth2Error(OAuth2ErrorCodes.SERVER_ERROR, "The client has no kind", null));
		}
		context.getClaims().claims((claims) -> {
			claims.put(TokenClaims.ROLES, List.of(kind));
			// the services this kind of client may call, each checking it is among them
			claims.put(JwtClaimNames.AUD, ServiceTokens.audiencesOfClientKind(kind));
			claims.put(TokenClaims.TOKEN_TYPE, TokenIssuance.CONTENT_SESSION);
			if (context.getAuthorizedScopes().isEmpty()) {
				claims.remove(TokenClaims.SCOPE);
			}
			else {
				claims.put(TokenClaims.SCOPE, String.join(" ", new TreeSet<>(context.getAuthorizedScopes())));
			}
		});
	}

}
