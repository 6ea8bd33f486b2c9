package dev.lanyard.integrations.integration.application;

import java.net.URI;
import java.util.List;

import dev.lanyard.integrations.integration.domain.ClientSecret;

/**
 * Talks to an external service's endpoints to see whether an integration works. Every
 * call is bounded by a timeout and follows no redirects; no outcome carries a token.
 */
public interface ConnectionProbe {

	/** Runs the client-credentials grant and reports the result without the token. */
	ProbeOutcome clientCredentials(URI tokenEndpoint, String clientId, ClientSecret secret, List<String> scopes,
			String audience);

	/** Whether the authorization endpoint answers (any status below 500). */
	ProbeOutcome authorizationEndpoint(URI endpoint, String clientId);

	/**
	 * Whether the token endpoint answers as one: a deliberately invalid authorization
	 * code must get an OAuth error back.
	 */
	ProbeOutcome tokenEndpoint(URI endpoint, String clientId, ClientSecret secret);

}
