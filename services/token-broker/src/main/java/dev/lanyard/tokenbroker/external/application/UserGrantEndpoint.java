package dev.lanyard.tokenbroker.external.application;

import java.net.URI;

import dev.lanyard.tokenbroker.external.domain.ExternalGrant;
import dev.lanyard.tokenbroker.integrations.domain.Integration;

/** A viewer integration's external token endpoint, for a user's own grants. */
public interface UserGrantEndpoint {

	/**
	 * Redeems an authorization code (RFC 6749 §4.1.3, with the PKCE verifier of RFC
	 * 7636).
	 */
	ExternalGrant authorizationCode(Integration integration, String clientSecret, String code, URI redirectUri,
			String codeVerifier) throws ExternalServiceUnavailableException, ExternalServiceRefusedException;

	/** Refreshes an access token (RFC 6749 §6). */
	ExternalGrant refresh(Integration integration, String clientSecret, String refreshToken)
			throws ExternalServiceUnavailableException, ExternalServiceRefusedException;

}
