package dev.lanyard.tokenbroker.external.application;

import java.util.Set;

import dev.lanyard.tokenbroker.external.domain.ExternalToken;
import dev.lanyard.tokenbroker.integrations.domain.Integration;

/** An integration's external token endpoint. */
public interface ExternalTokenEndpoint {

	/**
	 * Runs the client-credentials grant for the integration.
	 * @param clientSecret the integration's client secret
	 * @param scopes the scopes to ask for (empty: none named)
	 */
	ExternalToken clientCredentials(Integration integration, String clientSecret, Set<String> scopes)
			throws ExternalServiceUnavailableException, ExternalServiceRefusedException;

}
