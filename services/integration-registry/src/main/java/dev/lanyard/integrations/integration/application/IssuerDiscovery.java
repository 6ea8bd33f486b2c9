package dev.lanyard.integrations.integration.application;

import java.net.URI;

/**
 * Reads what a trusted issuer publishes: its OpenID Connect discovery document and its
 * JWK Set. Every call is bounded, follows no redirects and connects only to vetted
 * addresses; failures say what went wrong in generic words, never quoting the answer.
 */
public interface IssuerDiscovery {

	/**
	 * The {@code jwks_uri} of {@code {issuer}/.well-known/openid-configuration}, whose
	 * {@code issuer} must equal {@code issuer} exactly.
	 * @param issuer the configured issuer
	 * @param document the discovery document's URL, already vetted by the policy
	 * @return the {@code jwks_uri} as published, not yet vetted
	 * @throws DiscoveryFailedException when unreachable, not a discovery document, for
	 * another issuer or without {@code jwks_uri}
	 */
	String jwksUri(String issuer, URI document);

	/**
	 * How many keys the JWK Set at {@code jwksUri} holds.
	 * @throws DiscoveryFailedException when unreachable or not a JWK Set of public keys
	 */
	int keyCount(URI jwksUri);

}
