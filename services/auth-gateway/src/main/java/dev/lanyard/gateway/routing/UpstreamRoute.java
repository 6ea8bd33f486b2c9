package dev.lanyard.gateway.routing;

import java.net.URI;
import java.util.List;

/**
 * One service behind the gateway and the request paths it answers.
 *
 * @param id route id, the service's name
 * @param uri where the service listens
 * @param paths path patterns (Spring {@code PathPattern} syntax) routed to it
 */
public record UpstreamRoute(String id, URI uri, List<String> paths) {

	public UpstreamRoute {
		if (id == null || id.isBlank()) {
			throw new IllegalArgumentException("id cannot be blank");
		}
		if (uri == null) {
			throw new IllegalArgumentException("uri cannot be null");
		}
		if (paths == null || paths.isEmpty()) {
			throw new IllegalArgumentException("paths cannot be empty");
		}
		paths = List.copyOf(paths);
	}

	/**
	 * The gateway's route table.
	 * @param upstreams where the services listen
	 * @return the routes, in the order they are tried
	 */
	public static List<UpstreamRoute> table(UpstreamProperties upstreams) {
		if (upstreams == null) {
			throw new IllegalArgumentException("upstreams cannot be null");
		}
		return List.of(
				new UpstreamRoute("token-broker", upstreams.tokenBrokerUrl(),
						List.of("/oauth2/**", "/.well-known/**", "/api/admin/clients/**", "/api/connections/**")),
				new UpstreamRoute("audit", upstreams.auditUrl(), List.of("/api/audit/**")),
				// /scim/v2/** is authenticated by user-provisioning with its SCIM
				// clients' bearer secrets, like every routed path by its service
				new UpstreamRoute("user-provisioning", upstreams.userProvisioningUrl(),
						List.of("/api/admin/users/**", "/api/admin/groups/**", "/api/admin/scim-clients/**",
								"/scim/v2/**")),
				// /internal/** stays unrouted: service-to-service calls never cross the
				// edge
				new UpstreamRoute("integration-registry", upstreams.integrationRegistryUrl(), List
					.of("/api/integrations/**", "/api/integration-templates/**", "/api/integration-secrets/**")));
	}

}
