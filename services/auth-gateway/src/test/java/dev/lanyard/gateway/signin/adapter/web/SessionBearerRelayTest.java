package dev.lanyard.gateway.signin.adapter.web;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import dev.lanyard.gateway.signin.adapter.tokenbroker.GatewayClientCredentials;
import dev.lanyard.gateway.signin.adapter.tokenbroker.TokenBrokerClientProperties;
import dev.lanyard.gateway.signin.adapter.tokenbroker.UserSessionTokens;
import dev.lanyard.gateway.signin.application.UserDirectory;
import dev.lanyard.gateway.signin.domain.KnownUser;

import org.springframework.web.server.WebFilterChain;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

class SessionBearerRelayTest {

	private final UserDirectory directory = new UserDirectory();

	/** token-broker is never reached in these tests: nothing listens there. */
	private final UserSessionTokens tokens = new UserSessionTokens(WebClient.create("http://127.0.0.1:9"),
			new GatewayClientCredentials(new TokenBrokerClientProperties(null, null, null, Duration.ofSeconds(1))),
			Duration.ofSeconds(1));

	private final SessionBearerRelay relay = new SessionBearerRelay(this.directory, this.tokens, Clock.systemUTC());

	@Test
	void filterWhenViewersSessionAsksTheAuditApiThenForbiddenAndNotRouted() {
		this.directory.record(user("u-1", "viewer"));
		MockServerWebExchange exchange = signedIn("u-1", MockServerHttpRequest.get("/api/audit/events"));
		AtomicBoolean routed = new AtomicBoolean();

		this.relay.filter(exchange, chain(routed)).block();

		assertThat(routed).isFalse();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(exchange.getResponse().getBodyAsString().block()).contains("auditor role");
	}

	@Test
	void filterWhenViewersSessionAsksTheConnectionsApiThenPassedOn() {
		this.directory.record(user("u-1", "viewer"));
		MockServerWebExchange exchange = signedIn("u-1", MockServerHttpRequest.get("/api/connections"));
		AtomicBoolean routed = new AtomicBoolean();

		this.relay.filter(exchange, chain(routed)).block();

		assertThat(routed).isTrue();
	}

	@Test
	void filterWhenOwnBearerThenPassedOnUntouched() {
		this.directory.record(user("u-1", "viewer"));
		MockServerWebExchange exchange = signedIn("u-1",
				MockServerHttpRequest.get("/api/audit/events").header("Authorization", "Bearer script-token"));
		AtomicBoolean routed = new AtomicBoolean();

		this.relay.filter(exchange, chain(routed)).block();

		assertThat(routed).isTrue();
		assertThat(exchange.getResponse().getStatusCode()).isNull();
	}

	@Test
	void filterWhenNotSignedInThenPassedOnWithoutBearer() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/audit/events"));
		AtomicBoolean routed = new AtomicBoolean();

		this.relay.filter(exchange, chain(routed)).block();

		assertThat(routed).isTrue();
	}

	private static WebFilterChain chain(AtomicBoolean routed) {
		return (exchange) -> {
			routed.set(true);
			assertThat(exchange.getRequest().getHeaders().getFirst("Authorization")).isNotEqualTo("Bearer ");
			return Mono.empty();
		};
	}

	private static MockServerWebExchange signedIn(String userId, MockServerHttpRequest.BaseBuilder<?> request) {
		MockServerWebExchange exchange = MockServerWebExchange.from(request);
		WebSession session = exchange.getSession().block();
		session.getAttributes().put(SessionAttributes.USER_ID, userId);
		return exchange;
	}

	private static KnownUser user(String id, String role) {
		return new KnownUser(id, "sub-" + id, "ada", null, null, null, role, false, true, List.of(), 1);
	}

}
