package dev.lanyard.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.autoconfigure.WebFluxProperties;
import org.springframework.cloud.gateway.filter.factory.RemoveRequestHeaderGatewayFilterFactory;
import org.springframework.cloud.gateway.handler.predicate.PathRoutePredicateFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RoutingConfigurationTest {

	private StaticApplicationContext context;

	private List<Route> routes;

	@BeforeEach
	void buildRoutes() {
		this.context = new StaticApplicationContext();
		this.context.getBeanFactory()
			.registerSingleton("pathRoutePredicateFactory", new PathRoutePredicateFactory(new WebFluxProperties()));
		this.context.getBeanFactory()
			.registerSingleton("removeRequestHeaderGatewayFilterFactory",
					new RemoveRequestHeaderGatewayFilterFactory());
		this.context.refresh();
		this.routes = new RoutingConfiguration()
			.lanyardRoutes(new RouteLocatorBuilder(this.context), TestUpstreams.local())
			.getRoutes()
			.collectList()
			.block();
	}

	@AfterEach
	void close() {
		this.context.close();
	}

	@Test
	void lanyardRoutesWhenBuiltThenOneRoutePerUpstreamWithConfiguredUri() {
		assertThat(this.routes).extracting(Route::getId)
			.containsExactly("token-broker", "audit", "user-provisioning", "integration-registry");
		assertThat(this.routes).extracting(Route::getUri)
			.containsExactly(URI.create("http://127.0.0.1:8081"), URI.create("http://127.0.0.1:8082"),
					URI.create("http://127.0.0.1:8084"), URI.create("http://127.0.0.1:8083"));
	}

	@Test
	void lanyardRoutesWhenBuiltThenCookieIsRemovedOnEveryRoute() {
		assertThat(this.routes).allSatisfy((route) -> assertThat(route.getFilters()).hasSize(1));
	}

	@ParameterizedTest
	@CsvSource({ "/oauth2/token, token-broker", "/oauth2/jwks, token-broker",
			"/.well-known/openid-configuration, token-broker", "/.well-known/oauth-authorization-server, token-broker",
			"/api/admin/clients, token-broker", "/api/admin/clients/c-1/secret, token-broker",
			"/api/audit/events, audit", "/api/connections/i-1/connect, token-broker",
			"/api/admin/users, user-provisioning", "/api/admin/groups/g-1/members/u-1, user-provisioning",
			"/api/admin/scim-clients, user-provisioning", "/api/admin/scim-clients/s-1/rotate, user-provisioning",
			"/scim/v2/Users, user-provisioning", "/scim/v2/Groups/g-1, user-provisioning",
			"/scim/v2/ServiceProviderConfig, user-provisioning", "/api/integrations, integration-registry",
			"/api/integration-templates, integration-registry" })
	void lanyardRoutesWhenPathIsPublicThenRoutedToItsService(String path, String expectedRoute) {
		assertThat(routeFor(path)).hasValue(expectedRoute);
	}

	@ParameterizedTest
	@CsvSource({ "/", "/api/me", "/api/admin", "/api/admin/integrations", "/oauth2x/token", "/api/auditx",
			"/internal/integrations/i-1/client-secret", "/login/dev", "/scim/v1/Users", "/scim", "/scimx/v2/Users" })
	void lanyardRoutesWhenPathIsNotPublicThenNotRouted(String path) {
		assertThat(routeFor(path)).isEmpty();
	}

	@Test
	void tableWhenUpstreamsNullThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> UpstreamRoute.table(null))
			.withMessage("upstreams cannot be null");
	}

	private Optional<String> routeFor(String path) {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get(path));
		return Flux.fromIterable(this.routes)
			.concatMap((route) -> Mono.from(route.getPredicate().apply(exchange))
				.filter(Boolean::booleanValue)
				.map((matched) -> route.getId()))
			.next()
			.blockOptional();
	}

}
