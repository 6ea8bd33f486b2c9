package dev.lanyard.tokenbroker.external.application;

import java.util.Set;

import dev.lanyard.tokenbroker.external.domain.ExternalToken;
import dev.lanyard.tokenbroker.integrations.domain.Integration;

/**
 * A delegated viewer integration's token endpoint: the user's upstream token becomes a
 * token the integration's service accepts on the user's behalf, in the integration's
 * delegation mode.
 */
public interface DelegationEndpoint {

	/**
	 * Asks the provider for a token on the user's behalf.
	 * @param clientSecret the integration's client secret
	 * @param upstreamToken the user's upstream access token; never logged
	 * @param scopes the scopes to ask for (empty: the integration's)
	 */
	ExternalToken onBehalfOf(Integration integration, String clientSecret, String upstreamToken, Set<String> scopes)
			throws ExternalServiceUnavailableException, ExternalServiceRefusedException;

}
