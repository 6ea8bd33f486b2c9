package dev.lanyard.gateway.web;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

class ManagementStaysInsideTest {

	private final ManagementStaysInside filter = new ManagementStaysInside();

	@Test
	void filterWhenPrometheusOnUnknownPortThen404AndNotPassedOn() {
		MockServerWebExchange exchange = exchange("/actuator/prometheus", 8080);
		boolean[] passed = { false };

		this.filter.filter(exchange, passing(passed)).block();

		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(passed[0]).isFalse();
	}

	@Test
	void filterWhenHealthOnPublicPortThenPassedOn() {
		boolean[] passed = { false };

		this.filter.filter(exchange("/actuator/health/readiness", 8080), passing(passed)).block();

		assertThat(passed[0]).isTrue();
	}

	@Test
	void filterWhenRoutedPathThenPassedOn() {
		boolean[] passed = { false };

		this.filter.filter(exchange("/oauth2/token", 8080), passing(passed)).block();

		assertThat(passed[0]).isTrue();
	}

	private static MockServerWebExchange exchange(String path, int localPort) {
		return MockServerWebExchange
			.from(MockServerHttpRequest.get(path).localAddress(new InetSocketAddress("127.0.0.1", localPort)));
	}

	private static WebFilterChain passing(boolean[] passed) {
		return (exchange) -> {
			passed[0] = true;
			return Mono.empty();
		};
	}

}
