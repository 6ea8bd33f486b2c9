package dev.lanyard.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * One service behind the gateway and the request paths it answers.
 *
 * @param id route id, the service's name
 * @param instances where the service listens (one or more instances)
 * @param paths path patterns (Spring {@code PathPattern} syntax) routed to it
 */
public record UpstreamRoute(String id, UpstreamInstances instances, List<String> paths) {

	/** How long an instance that refused a connection is passed over, unless set. */
	public static final Duration INSTANCE_DOWN_FOR = Duration.ofSeconds(5);

	public UpstreamRoute {
		if (id == null || id.isBlank()) {
			throw new IllegalArgumentException("id cannot be blank");
		}
		if (instances == null) {
			throw new IllegalArgumentException("instances cannot be null");
		}
		if (paths == null || paths.isEmpty()) {
			throw new IllegalArgumentException("paths cannot be empty");
		}
		paths = List.copyOf(paths);
	}

	/** The gateway's route table, an instance that refused passed over 5 s. */
	public static List<UpstreamRoute> table(UpstreamProperties upstreams) {
		return table(upstreams, INSTANCE_DOWN_FOR);
	}

	/**
	 * The gateway's route table.
	 * @param upstreams where the services listen
	 * @param instanceDownFor how long an instance that refused a connection is passed
	 * over
	 * @return the routes, in the order they are tried
	 */
	public static List<UpstreamRoute> table(UpstreamProperties upstreams, Duration instanceDownFor) {
		if (upstreams == null) {
			throw new IllegalArgumentException("upstreams cannot be null");
		}
		if (instanceDownFor == null) {
			throw new IllegalArgumentException("instanceDownFor cannot be null");
		}
		return List.of(
				new UpstreamRoute("token-broker", new UpstreamInstances(upstreams.tokenBrokerUrls(), instanceDownFor),
						List.of("/oauth2/**", "/.well-known/**", "/api/admin/clients/**", "/api/connections/**")),
				new UpstreamRoute("audit", one(upstreams.auditUrl()), List.of("/api/audit/**")),
				// /scim/v2/** is authenticated by user-provisioning with its SCIM
				// clients' bearer secrets, like every routed path by its service
				new UpstreamRoute("user-provisioning", one(upstreams.userProvisioningUrl()),
						List.of("/api/admin/users/**", "/api/admin/groups/**", "/api/admin/scim-clients/**",
								"/scim/v2/**")),
				// /internal/** stays unrouted: service-to-service calls never cross the
				// edge
				new UpstreamRoute("integration-registry", one(upstreams.integrationRegistryUrl()), List
					.of("/api/integrations/**", "/api/integration-templates/**", "/api/integration-secrets/**")));
	}

	private static UpstreamInstances one(URI url) {
		return new UpstreamInstances(List.of(url), Duration.ZERO);
	}

}
