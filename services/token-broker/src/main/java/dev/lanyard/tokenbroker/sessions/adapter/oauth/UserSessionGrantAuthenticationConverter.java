package dev.lanyard.tokenbroker.sessions.adapter.oauth;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import dev.lanyard.tokenbroker.issuance.adapter.oauth.CorrelationIds;
import dev.lanyard.tokenbroker.issuance.adapter.oauth.GrantParameters;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads {@code grant_type=urn:lanyard:params:oauth:grant-type:user-session} with
 * {@code user_id} (required) and {@code user_version} (optional, a non-negative integer);
 * {@code null} for any other grant.
 */
public final class UserSessionGrantAuthenticationConverter implements AuthenticationConverter {

	static final String USER_ID = "user_id";

	static final String USER_VERSION = "user_version";

	@Override
	public Authentication convert(HttpServletRequest request) {
		if (!UserSessionGrantAuthenticationToken.USER_SESSION.getValue()
			.equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))) {
			return null;
		}
		String userId = GrantParameters.requireSingle(request, USER_ID);
		String version = GrantParameters.optionalSingle(request, USER_VERSION);
		Long userVersion = null;
		if (version != null) {
			try {
				userVersion = Long.parseLong(version);
			}
			catch (NumberFormatException ex) {
				userVersion = -1L;
			}
			if (userVersion < 0) {
				throw GrantParameters.invalidRequest("user_version must be a non-negative integer");
			}
		}
		Authentication clientPrincipal = GrantParameters.clientPrincipal();
		return new UserSessionGrantAuthenticationToken(clientPrincipal, userId, userVersion, CorrelationIds.of(request),
				Map.of());
	}

}
