package dev.lanyard.tokenbroker.introspection.adapter.oauth;

import java.util.Map;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import dev.lanyard.platform.security.ServiceTokens;
import dev.lanyard.platform.security.TokenClaims;
import dev.lanyard.tokenbroker.delegation.domain.Actor;
import dev.lanyard.tokenbroker.sessions.application.EndedSessions;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenIntrospection;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationToken;

/**
 * RFC 7662 introspection of Lanyard's own JWTs, replacing Spring Authorization Server's
 * provider (which looks tokens up among stored authorizations; Lanyard stores none). A
 * token is active when its signature, issuer, type and lifetime verify and, when it was
 * minted from a browser session, that session has not ended. The asking client (always
 * authenticated) sees it only when the token concerns it: the client is in its
 * {@code aud}, is its subject (its own access token), its actor ({@code act.sub}) or the
 * holder it was minted for ({@code may_act.sub}). Anything else, like anything invalid,
 * is {@code {"active": false}} and nothing more: introspection must not tell a client
 * that found a token whether it is live, nor whose it is.
 */
public final class TokenIntrospectionProvider implements AuthenticationProvider {

	private final JwtDecoder tokens;

	private final EndedSessions endedSessions;

	/**
	 * @param tokens verifies signature (this service's keys), issuer, type and lifetime,
	 * and no audience (each token's audience is checked against the asking client here)
	 * @param endedSessions the browser sessions signed out of
	 */
	public TokenIntrospectionProvider(JwtDecoder tokens, EndedSessions endedSessions) {
		if (tokens == null) {
			throw new IllegalArgumentException("tokens cannot be null");
		}
		if (endedSessions == null) {
			throw new IllegalArgumentException("endedSessions cannot be null");
		}
		this.tokens = tokens;
		this.endedSessions = endedSessions;
	}

	/**
	 * Introspects tokens signed by these keys for this issuer, whatever their audience (a
	 * delegated token's is another service).
	 */
	public static TokenIntrospectionProvider of(JWKSource<SecurityContext> keys, String issuer,
			EndedSessions endedSessions) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).jwsAlgorithms((algorithms) -> {
			algorithms.add(SignatureAlgorithm.ES256);
			algorithms.add(SignatureAlgorithm.RS256);
		}).build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(new JwtIssuerValidator(issuer),
				new JwtTypeValidator(ServiceTokens.ACCESS_TOKEN_TYP, ServiceTokens.USER_SESSION_TYP)));
		return new TokenIntrospectionProvider(decoder, endedSessions);
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		OAuth2TokenIntrospectionAuthenticationToken request = (OAuth2TokenIntrospectionAuthenticationToken) authentication;
		if (!(request.getPrincipal() instanceof OAuth2ClientAuthenticationToken client) || !client.isAuthenticated()
				|| client.getRegisteredClient() == null) {
			throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT));
		}
		String clientId = client.getRegisteredClient().getClientId();
		Jwt jwt = verified(request.getToken());
		OAuth2TokenIntrospection claims = (jwt != null && concerns(jwt, clientId)) ? active(jwt)
				: OAuth2TokenIntrospection.builder().build();
		return new OAuth2TokenIntrospectionAuthenticationToken(request.getToken(), client, claims);
	}

	private Jwt verified(String token) {
		Jwt jwt;
		try {
			jwt = this.tokens.decode(token);
		}
		catch (JwtException ex) {
			return null;
		}
		String sessionId = jwt.getClaimAsString(TokenClaims.SESSION_ID);
		return (sessionId != null && this.endedSessions.ended(sessionId)) ? null : jwt;
	}

	private static boolean concerns(Jwt jwt, String clientId) {
		return (jwt.getAudience() != null && jwt.getAudience().contains(clientId)) || clientId.equals(jwt.getSubject())
				|| clientId.equals(holder(jwt));
	}

	/**
	 * The client the token was issued to or for: the current actor of a delegated token,
	 * the content a user session token was minted for, or {@code null}.
	 */
	private static String holder(Jwt jwt) {
		if (jwt.getClaim(Actor.CLAIM) instanceof Map<?, ?> act && act.get("sub") instanceof String sub) {
			return sub;
		}
		if (jwt.getClaim(TokenClaims.MAY_ACT) instanceof Map<?, ?> mayAct
				&& mayAct.get(TokenClaims.MAY_ACT_SUBJECT) instanceof String sub) {
			return sub;
		}
		return null;
	}

	private static OAuth2TokenIntrospection active(Jwt jwt) {
		OAuth2TokenIntrospection.Builder claims = OAuth2TokenIntrospection.builder(true)
			.tokenType(OAuth2AccessToken.TokenType.BEARER.getValue())
			.issuer(jwt.getClaimAsString("iss"))
			.subject(jwt.getSubject())
			.id(jwt.getId())
			.issuedAt(jwt.getIssuedAt())
			.expiresAt(jwt.getExpiresAt());
		if (jwt.getNotBefore() != null) {
			claims.notBefore(jwt.getNotBefore());
		}
		if (jwt.getAudience() != null) {
			jwt.getAudience().forEach(claims::audience);
		}
		String scope = jwt.getClaimAsString(TokenClaims.SCOPE);
		if (scope != null) {
			for (String each : scope.split(" ")) {
				if (!each.isEmpty()) {
					claims.scope(each);
				}
			}
		}
		String holder = holder(jwt);
		String tokenType = jwt.getClaimAsString(TokenClaims.TOKEN_TYPE);
		claims.clientId((holder != null) ? holder : jwt.getSubject());
		if (tokenType != null) {
			claims.claim(TokenClaims.TOKEN_TYPE, tokenType);
		}
		if (jwt.getClaim(Actor.CLAIM) != null) {
			claims.claim(Actor.CLAIM, jwt.getClaim(Actor.CLAIM));
		}
		return claims.build();
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return OAuth2TokenIntrospectionAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
