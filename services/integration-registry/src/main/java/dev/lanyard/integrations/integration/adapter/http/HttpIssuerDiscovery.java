package dev.lanyard.integrations.integration.adapter.http;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;

import com.nimbusds.jose.jwk.JWKSet;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.lanyard.integrations.integration.adapter.federation.LibraryFederationSyntax;
import dev.lanyard.integrations.integration.application.DiscoveryFailedException;
import dev.lanyard.integrations.integration.application.IssuerDiscovery;
import dev.lanyard.platform.outbound.RefusedAddressException;
import dev.lanyard.platform.outbound.VettedResolver;
import dev.lanyard.platform.outbound.http.OutboundHttp;

/**
 * {@link IssuerDiscovery} over the shared {@link OutboundHttp}, as the connection probe:
 * the host resolved once and vetted, only the vetted address connected to, bounded by the
 * timeout, no redirects. Failures are generic; nothing from the answer is repeated.
 */
public final class HttpIssuerDiscovery implements IssuerDiscovery {

	private static final Map<String, String> ACCEPT_JSON = Map.of("Accept", "application/json");

	private final OutboundHttp http;

	private final Duration timeout;

	private final JsonMapper json = JsonMapper.builder().build();

	public HttpIssuerDiscovery(VettedResolver addresses, Duration timeout) {
		if (addresses == null) {
			throw new IllegalArgumentException("addresses cannot be null");
		}
		if (timeout == null || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("timeout must be positive");
		}
		this.timeout = timeout;
		this.http = OutboundHttp.create(addresses, timeout);
	}

	@Override
	public String jwksUri(String issuer, URI document) {
		JsonNode body = fetchJson(document, "the discovery document");
		JsonNode published = body.path("issuer");
		if (!published.isString() || !published.asString().equals(issuer)) {
			// OpenID Connect Discovery §4.3: exactly, or tokens would name another issuer
			throw new DiscoveryFailedException("issuer_mismatch",
					"the discovery document names another issuer than the one configured (compared exactly)", false);
		}
		JsonNode jwksUri = body.path("jwks_uri");
		if (!jwksUri.isString() || jwksUri.asString().isBlank()) {
			throw new DiscoveryFailedException("no_jwks_uri", "the discovery document names no jwks_uri", false);
		}
		return jwksUri.asString();
	}

	@Override
	public int keyCount(URI jwksUri) {
		String body = fetch(jwksUri, "the JWK Set").body();
		JWKSet keys;
		try {
			keys = JWKSet.parse(body);
		}
		catch (ParseException | RuntimeException ex) {
			throw new DiscoveryFailedException("invalid_jwks", "the JWK Set is not a JWK Set (RFC 7517)", false);
		}
		// an issuer's published set may be large; only what it holds is checked
		LibraryFederationSyntax.problemWith(keys, Integer.MAX_VALUE).ifPresent((problem) -> {
			throw new DiscoveryFailedException("invalid_jwks", "the JWK Set " + problem, false);
		});
		return keys.getKeys().size();
	}

	private JsonNode fetchJson(URI uri, String what) {
		OutboundHttp.Response response = fetch(uri, what);
		try {
			JsonNode body = this.json.readTree(response.body());
			if (body != null && body.isObject()) {
				return body;
			}
		}
		catch (JacksonException ex) {
			// reported below without the answer's text
		}
		throw new DiscoveryFailedException("unexpected_response", what + " is not a JSON object", false);
	}

	private OutboundHttp.Response fetch(URI uri, String what) {
		OutboundHttp.Response response;
		try {
			response = this.http.get(uri, ACCEPT_JSON);
		}
		catch (RefusedAddressException ex) {
			throw new DiscoveryFailedException("endpoint_refused",
					"the host of " + what + " resolves to an address that is not allowed", false);
		}
		catch (SocketTimeoutException ex) {
			throw new DiscoveryFailedException("timeout",
					what + " gave no answer within " + this.timeout.toMillis() + " ms", true);
		}
		catch (IOException ex) {
			throw new DiscoveryFailedException("unreachable", "could not connect to fetch " + what, true);
		}
		if (response.status() != 200) {
			throw new DiscoveryFailedException("unexpected_response",
					what + " answered with status " + response.status(), response.status() >= 500);
		}
		return response;
	}

}
