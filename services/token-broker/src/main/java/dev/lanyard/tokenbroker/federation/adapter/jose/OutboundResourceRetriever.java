package dev.lanyard.tokenbroker.federation.adapter.jose;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.Map;

import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;

import dev.lanyard.platform.outbound.http.OutboundHttp;

/**
 * Fetches an issuer's JWK Set through {@link OutboundHttp}: the host resolved once and
 * vetted by the shared outbound policy, bounded timeouts and size, no redirects.
 */
public final class OutboundResourceRetriever implements ResourceRetriever {

	private final OutboundHttp http;

	public OutboundResourceRetriever(OutboundHttp http) {
		if (http == null) {
			throw new IllegalArgumentException("http cannot be null");
		}
		this.http = http;
	}

	@Override
	public Resource retrieveResource(URL url) throws IOException {
		OutboundHttp.Response response;
		try {
			response = this.http.get(url.toURI(), Map.of("Accept", "application/json"));
		}
		catch (URISyntaxException ex) {
			throw new IOException("Not a URI: the JWKS location", ex);
		}
		if (response.status() != 200) {
			throw new IOException("The JWKS endpoint answered " + response.status());
		}
		return new Resource(response.body(), "application/json");
	}

}
