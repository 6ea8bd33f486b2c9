package dev.lanyard.gateway.routing;

import java.net.URI;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.Name;

/**
 * Where the services behind the gateway listen. Only scheme, host and port matter: the
 * gateway forwards the request path unchanged, so a URL with a path is rejected rather
 * than silently ignored.
 *
 * @param tokenBrokerUrls token-broker (key {@code lanyard.gateway.token-broker-url}): one
 * URL, or several separated by commas, one per instance, which the gateway takes in turn
 * ({@link UpstreamInstances})
 * @param auditUrl audit (key {@code lanyard.gateway.audit-url})
 * @param integrationRegistryUrl integration-registry (key
 * {@code lanyard.gateway.integration-registry-url})
 * @param userProvisioningUrl user-provisioning (key
 * {@code lanyard.gateway.user-provisioning-url})
 */
@ConfigurationProperties("lanyard.gateway")
public record UpstreamProperties(@Name("token-broker-url") List<URI> tokenBrokerUrls, URI auditUrl,
		URI integrationRegistryUrl, URI userProvisioningUrl) {

	private static final String TOKEN_BROKER_KEY = "lanyard.gateway.token-broker-url";

	@ConstructorBinding
	public UpstreamProperties {
		if (tokenBrokerUrls == null || tokenBrokerUrls.isEmpty()) {
			requireBaseUrl(TOKEN_BROKER_KEY, null);
		}
		if (tokenBrokerUrls.size() > UpstreamInstances.MAX_INSTANCES) {
			throw new IllegalArgumentException(
					TOKEN_BROKER_KEY + " cannot list more than " + UpstreamInstances.MAX_INSTANCES + " instances");
		}
		tokenBrokerUrls.forEach((url) -> requireBaseUrl(TOKEN_BROKER_KEY, url));
		tokenBrokerUrls = List.copyOf(tokenBrokerUrls);
		requireBaseUrl("lanyard.gateway.audit-url", auditUrl);
		requireBaseUrl("lanyard.gateway.integration-registry-url", integrationRegistryUrl);
		requireBaseUrl("lanyard.gateway.user-provisioning-url", userProvisioningUrl);
	}

	/** One token-broker instance. */
	public UpstreamProperties(URI tokenBrokerUrl, URI auditUrl, URI integrationRegistryUrl, URI userProvisioningUrl) {
		this((tokenBrokerUrl != null) ? List.of(tokenBrokerUrl) : null, auditUrl, integrationRegistryUrl,
				userProvisioningUrl);
	}

	/** The first token-broker instance. */
	public URI tokenBrokerUrl() {
		return this.tokenBrokerUrls.get(0);
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
