package dev.lanyard.tokenbroker.exchange.adapter.oauth;

import dev.lanyard.tokenbroker.exchange.application.CredentialExchange;

import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

/** Which OAuth error (RFC 6749 §5.2, RFC 8693 §2.2.2) answers a refused exchange. */
final class TokenExchangeErrors {

	/** RFC 8693 §2.2.2: no token can be issued for the named audience. */
	static final String INVALID_TARGET = "invalid_target";

	private TokenExchangeErrors() {
	}

	/**
	 * The external service's refusal, as the caller can act on it: a refused scope is
	 * {@code invalid_scope}; anything else (bad client credentials at the external
	 * service, an unknown audience, ...) is the integration's problem,
	 * {@code invalid_target}.
	 */
	static String codeOfExternal(String externalError) {
		return OAuth2ErrorCodes.INVALID_SCOPE.equals(externalError) ? OAuth2ErrorCodes.INVALID_SCOPE : INVALID_TARGET;
	}

	static String describeExternal(CredentialExchange.ExternalRefusal refusal) {
		if (refusal.error() == null) {
			return refusal.description();
		}
		return switch (refusal.error()) {
			case OAuth2ErrorCodes.INVALID_CLIENT, OAuth2ErrorCodes.UNAUTHORIZED_CLIENT ->
				"The external service refused the integration's client credentials (" + refusal.error() + ")";
			case OAuth2ErrorCodes.INVALID_SCOPE -> "The external service refused the requested scope";
			default -> "The external service refused the request (" + refusal.error() + ")";
		};
	}

}
