package dev.lanyard.integrations.integration.application;

import java.net.URI;

import dev.lanyard.integrations.integration.domain.EndpointPolicy;
import dev.lanyard.integrations.integration.domain.FederationTrust;
import dev.lanyard.integrations.integration.domain.IntegrationSettings;
import dev.lanyard.integrations.integration.domain.InvalidFieldException;

/**
 * Finds where a federation rule's keys are when the administrator gave neither a JWKS URL
 * nor static keys: the issuer's discovery document names it. The rule is published with
 * that {@code jwks_uri}, so token-broker never needs discovery. Both the document's URL
 * and the {@code jwks_uri} it names pass the outbound policy; a failure names
 * {@code federation.issuer}, in generic words.
 */
public final class ResolveIssuerKeys {

	/** The path OpenID Connect Discovery 1.0 §4 appends to the issuer. */
	static final String WELL_KNOWN = "/.well-known/openid-configuration";

	private final EndpointPolicy endpoints;

	private final IssuerDiscovery discovery;

	public ResolveIssuerKeys(EndpointPolicy endpoints, IssuerDiscovery discovery) {
		if (endpoints == null) {
			throw new IllegalArgumentException("endpoints cannot be null");
		}
		if (discovery == null) {
			throw new IllegalArgumentException("discovery cannot be null");
		}
		this.endpoints = endpoints;
		this.discovery = discovery;
	}

	/**
	 * The settings with the discovered {@code jwksUri} when they need one; others
	 * unchanged.
	 * @throws InvalidFieldException naming {@code federation.issuer} when discovery fails
	 */
	public IntegrationSettings resolve(IntegrationSettings settings) {
		if (settings == null) {
			throw new IllegalArgumentException("settings cannot be null");
		}
		FederationTrust trust = settings.federation();
		if (trust == null || !trust.needsDiscovery()) {
			return settings;
		}
		try {
			return settings.withFederation(trust.withDiscoveredJwksUri(jwksUri(trust.issuer()).toString()));
		}
		catch (DiscoveryFailedException ex) {
			throw new InvalidFieldException("federation.issuer", "discovery failed: " + ex.getMessage());
		}
	}

	/**
	 * The vetted {@code jwks_uri} the issuer's discovery document names.
	 * @throws DiscoveryFailedException when it cannot be read or is not acceptable
	 */
	URI jwksUri(String issuer) {
		URI document = vetted(documentUrl(issuer), "the discovery document's URL is not acceptable");
		String jwksUri = this.discovery.jwksUri(issuer, document);
		return vetted(jwksUri, "the jwks_uri it names is not acceptable");
	}

	/** Trailing slashes of the issuer are not doubled (OpenID Connect Discovery §4). */
	static String documentUrl(String issuer) {
		String base = issuer;
		while (base.endsWith("/")) {
			base = base.substring(0, base.length() - 1);
		}
		return base + WELL_KNOWN;
	}

	private URI vetted(String url, String refusal) {
		try {
			return this.endpoints.check("federation.issuer", url);
		}
		catch (InvalidFieldException ex) {
			throw new DiscoveryFailedException("endpoint_refused", refusal + " (" + ex.getMessage() + ")", false);
		}
	}

}
