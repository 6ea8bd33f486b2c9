package dev.lanyard.gateway.routing;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the services behind the gateway listen. Only scheme, host and port matter: the
 * gateway forwards the request path unchanged, so a URL with a path is rejected rather
 * than silently ignored.
 *
 * @param tokenBrokerUrl token-broker (key {@code lanyard.gateway.token-broker-url})
 * @param auditUrl audit (key {@code lanyard.gateway.audit-url})
 * @param integrationRegistryUrl integration-registry (key
 * {@code lanyard.gateway.integration-registry-url})
 * @param userProvisioningUrl user-provisioning (key
 * {@code lanyard.gateway.user-provisioning-url})
 */
@ConfigurationProperties("lanyard.gateway")
public record UpstreamProperties(URI tokenBrokerUrl, URI auditUrl, URI integrationRegistryUrl,
		URI userProvisioningUrl) {

	public UpstreamProperties {
		requireBaseUrl("lanyard.gateway.token-broker-url", tokenBrokerUrl);
		requireBaseUrl("lanyard.gateway.audit-url", auditUrl);
		requireBaseUrl("lanyard.gateway.integration-registry-url", integrationRegistryUrl);
		requireBaseUrl("lanyard.gateway.user-provisioning-url", userProvisioningUrl);
	}

	private static void requireBaseUrl(String key, URI url) {
		if (url == null) {
			throw new IllegalArgumentException(key + " must be set (base URL, e.g. http://127.0.0.1:8081)");
		}
		if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
			throw new IllegalArgumentException(key + " must be an http or https URL, not scheme " + url.getScheme());
		}
		if (url.getHost() == null) {
			throw new IllegalArgumentException(key + " must name a host");
		}
		if (url.getRawUserInfo() != null) {
			// never echo user info: it may hold a password
			throw new IllegalArgumentException(key + " must not carry user info");
		}
		boolean hasPath = url.getRawPath() != null && !url.getRawPath().isEmpty() && !"/".equals(url.getRawPath());
		if (hasPath || url.getRawQuery() != null || url.getRawFragment() != null) {
			throw new IllegalArgumentException(key
					+ " must be a base URL with only scheme, host and port (request paths are forwarded unchanged): "
					+ url);
		}
	}

}
