package dev.lanyard.tokenbroker.exchange.adapter.oauth;

import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import dev.lanyard.platform.web.CorrelationIdFilter;
import dev.lanyard.tokenbroker.issuance.adapter.oauth.GrantParameters;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads {@code grant_type=urn:ietf:params:oauth:grant-type:token-exchange} (RFC 8693
 * §2.1): {@code subject_token}, {@code subject_token_type} and {@code audience} (the
 * integration id) required once each, {@code scope} and {@code requested_token_type}
 * optional; {@code actor_token} (delegation) optional, and when present
 * {@code actor_token_type} with it (§2.1), each once; {@code resource} is not supported.
 * {@code null} for any other grant.
 */
public final class TokenExchangeAuthenticationConverter implements AuthenticationConverter {

	/** The only token type handed out. */
	public static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

	@Override
	public Authentication convert(HttpServletRequest request) {
		if (!AuthorizationGrantType.TOKEN_EXCHANGE.getValue()
			.equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))) {
			return null;
		}
		String subjectToken = GrantParameters.requireSingle(request, OAuth2ParameterNames.SUBJECT_TOKEN);
		String subjectTokenType = GrantParameters.requireSingle(request, OAuth2ParameterNames.SUBJECT_TOKEN_TYPE);
		String audience = GrantParameters.requireIdentifier(request, OAuth2ParameterNames.AUDIENCE);
		String requestedTokenType = GrantParameters.optionalSingle(request, OAuth2ParameterNames.REQUESTED_TOKEN_TYPE);
		if (requestedTokenType != null && !ACCESS_TOKEN_TYPE.equals(requestedTokenType)) {
			throw GrantParameters.invalidRequest("requested_token_type must be " + ACCESS_TOKEN_TYPE);
		}
		String actorToken = GrantParameters.optionalSingle(request, OAuth2ParameterNames.ACTOR_TOKEN);
		String actorTokenType = GrantParameters.optionalSingle(request, OAuth2ParameterNames.ACTOR_TOKEN_TYPE);
		if (actorToken != null && actorTokenType == null) {
			throw GrantParameters.invalidRequest("actor_token_type is required with actor_token");
		}
		if (actorToken == null && actorTokenType != null) {
			throw GrantParameters.invalidRequest("actor_token_type is only allowed with actor_token");
		}
		if (GrantParameters.optionalSingle(request, OAuth2ParameterNames.RESOURCE) != null) {
			throw GrantParameters.invalidRequest("resource is not supported; name the integration in audience");
		}
		Set<String> scopes = GrantParameters.scopes(request);
		Authentication clientPrincipal = GrantParameters.clientPrincipal();
		TokenExchangeAuthenticationToken exchange = new TokenExchangeAuthenticationToken(clientPrincipal, subjectToken,
				subjectTokenType, audience, scopes, CorrelationIdFilter.of(request), Map.of());
		return (actorToken == null) ? exchange : exchange.withActorToken(actorToken, actorTokenType);
	}

}
