package dev.lanyard.tokenbroker.federation.adapter.oauth;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import dev.lanyard.platform.web.CorrelationIdFilter;
import dev.lanyard.tokenbroker.issuance.adapter.oauth.GrantParameters;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads the two forms of identity federation: RFC 8693 token exchange with
 * {@code subject_token_type} {@code urn:ietf:params:oauth:token-type:id_token} or
 * {@code ...:jwt} ({@code subject_token} required; {@code audience} optionally naming the
 * federation integration; {@code scope}, {@code requested_token_type} access token only;
 * no {@code actor_token}, no {@code resource}), and RFC 7523's
 * {@code urn:ietf:params:oauth:grant-type:jwt-bearer} ({@code assertion} required,
 * {@code scope} optional). {@code null} for every other request, which the other grants'
 * converters read.
 */
public final class FederationGrantAuthenticationConverter implements AuthenticationConverter {

	static final String ASSERTION = "assertion";

	static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

	@Override
	public Authentication convert(HttpServletRequest request) {
		if (!FederationGrants.isFederation(request)) {
			return null;
		}
		boolean exchange = AuthorizationGrantType.TOKEN_EXCHANGE.getValue()
			.equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE));
		String token;
		String audience = null;
		if (exchange) {
			GrantParameters.requireSingle(request, OAuth2ParameterNames.SUBJECT_TOKEN_TYPE);
			token = GrantParameters.requireSingle(request, OAuth2ParameterNames.SUBJECT_TOKEN);
			audience = GrantParameters.optionalSingle(request, OAuth2ParameterNames.AUDIENCE);
			String requested = GrantParameters.optionalSingle(request, OAuth2ParameterNames.REQUESTED_TOKEN_TYPE);
			if (requested != null && !ACCESS_TOKEN_TYPE.equals(requested)) {
				throw GrantParameters.invalidRequest("requested_token_type must be " + ACCESS_TOKEN_TYPE);
			}
			if (GrantParameters.optionalSingle(request, OAuth2ParameterNames.ACTOR_TOKEN) != null) {
				throw GrantParameters.invalidRequest("actor_token is not taken with a federated subject token");
			}
			if (GrantParameters.optionalSingle(request, OAuth2ParameterNames.RESOURCE) != null) {
				throw GrantParameters.invalidRequest("resource is not supported");
			}
		}
		else {
			token = GrantParameters.requireSingle(request, ASSERTION);
		}
		Set<String> scopes = GrantParameters.scopes(request);
		AuthorizationGrantType grantType = exchange ? AuthorizationGrantType.TOKEN_EXCHANGE
				: AuthorizationGrantType.JWT_BEARER;
		return new FederationGrantAuthenticationToken(grantType, GrantParameters.clientPrincipal(), token, audience,
				scopes, CorrelationIdFilter.of(request));
	}

}
