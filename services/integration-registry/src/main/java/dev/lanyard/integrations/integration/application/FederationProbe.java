package dev.lanyard.integrations.integration.application;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import dev.lanyard.integrations.integration.domain.EndpointPolicy;
import dev.lanyard.integrations.integration.domain.FederationTrust;
import dev.lanyard.integrations.integration.domain.InvalidFieldException;

/**
 * The connection test of a federation integration: discovery again when its keys'
 * location was discovered (it may have moved), then the JWK Set fetched and its keys
 * counted. Static keys are fetched from nowhere.
 */
public final class FederationProbe {

	private final EndpointPolicy endpoints;

	private final ResolveIssuerKeys issuerKeys;

	private final IssuerDiscovery discovery;

	public FederationProbe(EndpointPolicy endpoints, ResolveIssuerKeys issuerKeys, IssuerDiscovery discovery) {
		if (endpoints == null || issuerKeys == null || discovery == null) {
			throw new IllegalArgumentException("endpoints, issuerKeys and discovery cannot be null");
		}
		this.endpoints = endpoints;
		this.issuerKeys = issuerKeys;
		this.discovery = discovery;
	}

	public List<ProbeOutcome> check(FederationTrust trust) {
		if (trust == null) {
			throw new IllegalArgumentException("trust cannot be null");
		}
		List<ProbeOutcome> checks = new ArrayList<>();
		if (trust.staticJwks() != null) {
			checks.add(new ProbeOutcome("static-keys", true, null, null, null, null, null, null, 0));
			return checks;
		}
		URI jwksUri;
		long started = System.nanoTime();
		try {
			jwksUri = trust.needsDiscovery() ? this.issuerKeys.jwksUri(trust.issuer())
					: this.endpoints.check("federation.jwksUri", trust.jwksUri());
			if (trust.needsDiscovery()) {
				checks
					.add(new ProbeOutcome("discovery", true, 200, null, null, null, null, null, millisSince(started)));
			}
		}
		catch (DiscoveryFailedException ex) {
			checks.add(ProbeOutcome.failed("discovery", null, ex.error(), ex.getMessage(), millisSince(started)));
			return checks;
		}
		catch (InvalidFieldException ex) {
			checks.add(ProbeOutcome.failed("jwks", null, "endpoint_refused", ex.getMessage(), 0));
			return checks;
		}
		started = System.nanoTime();
		try {
			int keys = this.discovery.keyCount(jwksUri);
			checks.add(new ProbeOutcome("jwks", true, 200, null, null, null, null, null, millisSince(started), keys));
		}
		catch (DiscoveryFailedException ex) {
			checks.add(ProbeOutcome.failed("jwks", null, ex.error(), ex.getMessage(), millisSince(started)));
		}
		return checks;
	}

	private static long millisSince(long started) {
		return (System.nanoTime() - started) / 1_000_000;
	}

}
