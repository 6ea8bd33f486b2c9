package dev.lanyard.tokenbroker.federation.adapter.oauth;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;

/** Which token requests are identity federation's. */
public final class FederationGrants {

	/** RFC 8693's token type of OpenID Connect ID tokens. */
	public static final String ID_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:id_token";

	/** RFC 8693's token type of JWTs. */
	public static final String JWT_TYPE = "urn:ietf:params:oauth:token-type:jwt";

	private FederationGrants() {
	}

	/**
	 * A JWT-bearer grant (RFC 7523 §2.1), or a token exchange whose subject token is an
	 * ID token or a JWT.
	 */
	public static boolean isFederation(HttpServletRequest request) {
		String grantType = request.getParameter(OAuth2ParameterNames.GRANT_TYPE);
		if (AuthorizationGrantType.JWT_BEARER.getValue().equals(grantType)) {
			return true;
		}
		String subjectTokenType = request.getParameter(OAuth2ParameterNames.SUBJECT_TOKEN_TYPE);
		return AuthorizationGrantType.TOKEN_EXCHANGE.getValue().equals(grantType)
				&& (ID_TOKEN_TYPE.equals(subjectTokenType) || JWT_TYPE.equals(subjectTokenType));
	}

}
