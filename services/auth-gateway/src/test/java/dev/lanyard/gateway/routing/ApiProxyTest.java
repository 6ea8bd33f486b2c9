package dev.lanyard.gateway.routing;

import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.mock.http.client.reactive.MockClientHttpRequest;
import org.springframework.mock.http.client.reactive.MockClientHttpResponse;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ApiProxyTest {

	private final AtomicReference<MockClientHttpRequest> sent = new AtomicReference<>();

	/** Records what would go upstream and answers 200 with a hop-by-hop header. */
	private final ClientHttpConnector upstream = (method, uri, callback) -> {
		MockClientHttpRequest request = new MockClientHttpRequest(method, uri);
		this.sent.set(request);
		MockClientHttpResponse answer = new MockClientHttpResponse(HttpStatus.OK);
		answer.getHeaders().set(HttpHeaders.CONNECTION, "close");
		answer.getHeaders().set("X-Upstream", "yes");
		answer.setBody("{\"upstream\":true}");
		return callback.apply(request).thenReturn(answer);
	};

	private final ApiProxy proxy = new ApiProxy(new UpstreamRoutes(TestUpstreams.local()), this.upstream);

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
	void routeOfWhenPathIsPublicThenRoutedToItsService(String path, String expectedRoute) {
		assertThat(this.proxy.routeOf(MockServerHttpRequest.get(path).build()).id()).isEqualTo(expectedRoute);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/api/me", "/api/admin", "/api/admin/integrations", "/oauth2x/token", "/api/auditx",
			"/internal/integrations/i-1/client-secret", "/login/dev", "/scim/v1/Users", "/scim", "/scimx/v2/Users",
			"/oauth2/../internal/integrations/i-1/client-secret", "/oauth2/./token",
			"/api/integrations/..%2Finternal/x", "/api/integrations/%2e%2e/internal/x",
			"/api/integrations/..%5Cinternal/x" })
	void routeOfWhenPathIsNotPublicThenNotRouted(String path) {
		// as sent: URI.create keeps the encoding the caller chose
		assertThat(this.proxy.routeOf(MockServerHttpRequest.method(HttpMethod.GET, URI.create(path)).build())).isNull();
	}

	@Test
	void filterWhenRoutedThenSentUpstreamWithoutCookieOrForwardingHeadersAndWithClientAddress() {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.post("http://gateway.example/oauth2/token?a=1&b=two")
				.header(HttpHeaders.AUTHORIZATION, "Basic Y2xpZW50OnNlY3JldA==")
				.header(HttpHeaders.COOKIE, "LANYARD_SESSION=gateway-only")
				.header("X-Forwarded-For", "203.0.113.9")
				.header(ApiProxy.CLIENT_ADDRESS, "203.0.113.9")
				.header("X-Correlation-Id", "corr-1")
				.contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
				.body("grant_type=client_credentials"));
		AtomicBoolean passedOn = new AtomicBoolean();

		this.proxy.filter(exchange, (e) -> {
			passedOn.set(true);
			return Mono.empty();
		}).block();

		MockClientHttpRequest sent = this.sent.get();
		assertThat(passedOn).isFalse();
		assertThat(sent.getMethod()).isEqualTo(HttpMethod.POST);
		assertThat(sent.getURI()).hasToString("http://127.0.0.1:8081/oauth2/token?a=1&b=two");
		assertThat(sent.getHeaders().getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo("Basic Y2xpZW50OnNlY3JldA==");
		assertThat(sent.getHeaders().getFirst("X-Correlation-Id")).isEqualTo("corr-1");
		assertThat(sent.getHeaders().containsHeader(HttpHeaders.COOKIE)).isFalse();
		assertThat(sent.getHeaders().containsHeader("X-Forwarded-For")).isFalse();
		assertThat(sent.getHeaders().get(ApiProxy.CLIENT_ADDRESS)).containsExactly("unknown");
		assertThat(sent.getBodyAsString().block()).isEqualTo("grant_type=client_credentials");
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(exchange.getResponse().getHeaders().getFirst("X-Upstream")).isEqualTo("yes");
		assertThat(exchange.getResponse().getHeaders().containsHeader(HttpHeaders.CONNECTION)).isFalse();
		assertThat(exchange.getResponse().getBodyAsString().block()).isEqualTo("{\"upstream\":true}");
		assertThat(exchange.<String>getAttribute(ApiProxy.ROUTE_ATTRIBUTE)).isEqualTo("token-broker");
	}

	@Test
	void filterWhenNotRoutedThenPassedOn() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/me"));
		AtomicBoolean passedOn = new AtomicBoolean();

		this.proxy.filter(exchange, (e) -> {
			passedOn.set(true);
			return Mono.empty();
		}).block();

		assertThat(passedOn).isTrue();
		assertThat(this.sent.get()).isNull();
	}

	@Test
	void constructorWhenRoutesNullThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ApiProxy(null, this.upstream))
			.withMessage("routes cannot be null");
	}

	@Test
	void constructorWhenUpstreamNullThenRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ApiProxy(new UpstreamRoutes(TestUpstreams.local()), null))
			.withMessage("upstream cannot be null");
	}

	@Test
	void tableWhenUpstreamsNullThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> UpstreamRoute.table(null))
			.withMessage("upstreams cannot be null");
	}

}
