package dev.lanyard.integrations.integration.application;

import java.time.Duration;

import dev.lanyard.integrations.integration.adapter.http.HttpIssuerDiscovery;
import dev.lanyard.integrations.integration.domain.EndpointPolicy;

/** The federation collaborators over real HTTP, for unit tests. */
public final class TestFederation {

	private TestFederation() {
	}

	public static ResolveIssuerKeys issuerKeys(EndpointPolicy policy) {
		return new ResolveIssuerKeys(policy, discovery(policy));
	}

	public static FederationProbe probe(EndpointPolicy policy) {
		return new FederationProbe(policy, issuerKeys(policy), discovery(policy));
	}

	public static HttpIssuerDiscovery discovery(EndpointPolicy policy) {
		return new HttpIssuerDiscovery(policy.addresses(), Duration.ofSeconds(2));
	}

}
