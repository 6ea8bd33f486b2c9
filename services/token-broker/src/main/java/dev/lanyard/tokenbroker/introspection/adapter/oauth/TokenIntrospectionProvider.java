package dev.lanyard.tokenbroker.introspection.adapter.oauth;

import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import dev.lanyard.platform.security.ServiceTokens;
import dev.lanyard.platform.security.TokenClaims;
import dev.lanyard.tokenbroker.delegation.domain.Actor;
import dev.lanyard.tokenbroker.sessions.application.EndedSessions;
import dev.lanyard.tokenbroker.users.application.UserReadModel;
import dev.lanyard.tokenbroker.users.domain.UserSnapshot;

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
 * minted from a browser session, that session has not ended, and when it stands for a
 * user, the user is still active and not locked. The asking client (always authenticated)
 * sees it only when the token concerns it (see {@code concerns}). Anything else, like
 * anything invalid, is {@code {"active": false}} and nothing more: introspection must not
 * tell a client that found a token whether it is live, nor whose it is.
 */
public final class TokenIntrospectionProvider implements AuthenticationProvider {

	private final JwtDecoder tokens;

	private final EndedSessions endedSessions;

	private final UserReadModel users;

	private final Set<String> resourceAudiences;

	/**
	 * @param tokens verifies signature (this service's keys), issuer, type and lifetime,
	 * and no audience (each token's audience is checked against the asking client here)
	 * @param endedSessions the browser sessions signed out of
	 * @param users the users, whose tokens are inactive once they are not in good
	 * standing
	 * @param resourceAudiences the audiences of resource servers that may introspect the
	 * tokens issued for them (the delegation audiences)
	 */
	public TokenIntrospectionProvider(JwtDecoder tokens, EndedSessions endedSessions, UserReadModel users,
			Set<String> resourceAudiences) {
		if (tokens == null) {
			throw new IllegalArgumentException("tokens cannot be null");
		}
		if (endedSessions == null) {
			throw new IllegalArgumentException("endedSessions cannot be null");
		}
		if (users == null) {
			throw new IllegalArgumentException("users cannot be null");
		}
		if (resourceAudiences == null) {
			throw new IllegalArgumentException("resourceAudiences cannot be null");
		}
		this.tokens = tokens;
		this.endedSessions = endedSessions;
		this.users = users;
		this.resourceAudiences = Set.copyOf(resourceAudiences);
	}

	/**
	 * Introspects tokens signed by these keys for this issuer, whatever their audience (a
	 * delegated token's is another service).
	 */
	public static TokenIntrospectionProvider of(JWKSource<SecurityContext> keys, String issuer,
			EndedSessions endedSessions, UserReadModel users, Set<String> resourceAudiences) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).jwsAlgorithms((algorithms) -> {
			algorithms.add(SignatureAlgorithm.ES256);
			algorithms.add(SignatureAlgorithm.RS256);
		}).build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(new JwtIssuerValidator(issuer),
				new JwtTypeValidator(ServiceTokens.ACCESS_TOKEN_TYP, ServiceTokens.USER_SESSION_TYP)));
		return new TokenIntrospectionProvider(decoder, endedSessions, users, resourceAudiences);
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
		if (sessionId != null && this.endedSessions.ended(sessionId)) {
			return null;
		}
		return (isUserToken(jwt) && !inGoodStanding(jwt.getSubject())) ? null : jwt;
	}

	/**
	 * Whether the token concerns the client: the client's own access token, the token of
	 * a user it holds ({@code may_act}) or acts for ({@code act}), or a token issued for
	 * it as a resource server (its id is a configured delegation audience and in the
	 * token's {@code aud}). Only those: a client that happens to be named like a user id
	 * or an internal audience ({@code token-broker}) sees nothing.
	 */
	private boolean concerns(Jwt jwt, String clientId) {
		if (clientId.equals(holder(jwt))) {
			return true;
		}
		if (!isUserToken(jwt) && clientId.equals(jwt.getSubject())) {
			return true;
		}
		return this.resourceAudiences.contains(clientId) && jwt.getAudience() != null
				&& jwt.getAudience().contains(clientId);
	}

	/**
	 * A token that stands for a person ({@code user-session}, {@code user-delegated},
	 * ...).
	 */
	private static boolean isUserToken(Jwt jwt) {
		String type = jwt.getClaimAsString(TokenClaims.TOKEN_TYPE);
		return type != null && type.startsWith("user-");
	}

	private boolean inGoodStanding(String userId) {
		return userId != null
				&& this.users.find(userId).map((user) -> user.standing() == UserSnapshot.Standing.GOOD).orElse(false);
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
