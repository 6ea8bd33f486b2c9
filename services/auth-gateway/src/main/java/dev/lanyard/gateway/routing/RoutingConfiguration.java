package dev.lanyard.gateway.routing;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

/**
 * Turns the route table into Spring Cloud Gateway routes. Requests are proxied as they
 * are: path, query, body and the Authorization header go through unchanged. The Host
 * header is the upstream's, which is fine because token-broker's issuer is configured
 * explicitly rather than derived from the request.
 */
@Configuration(proxyBeanMethods = false)
public class RoutingConfiguration {

	@Bean
	ClientAddressRelay clientAddressRelay() {
		return new ClientAddressRelay();
	}

	@Bean
	RouteLocator lanyardRoutes(RouteLocatorBuilder builder, UpstreamProperties upstreams) {
		RouteLocatorBuilder.Builder routes = builder.routes();
		for (UpstreamRoute route : UpstreamRoute.table(upstreams)) {
			routes.route(route.id(), (spec) -> spec.path(route.paths().toArray(String[]::new))
				// the browser session cookie belongs to the gateway; no service behind it
				// needs it, so it never leaves the edge
				.filters((filters) -> filters.removeRequestHeader(HttpHeaders.COOKIE))
				.uri(route.uri()));
		}
		return routes.build();
	}

}
