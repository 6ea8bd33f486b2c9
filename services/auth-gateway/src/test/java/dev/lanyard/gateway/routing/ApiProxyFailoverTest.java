package dev.lanyard.gateway.routing;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.mock.http.client.reactive.MockClientHttpRequest;
import org.springframework.mock.http.client.reactive.MockClientHttpResponse;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** token-broker listed twice: one instance refusing connections, one answering. */
class ApiProxyFailoverTest {

	private static final URI DEAD = URI.create("http://127.0.0.1:8081");

	private static final URI ALIVE = URI.create("http://127.0.0.1:8086");

	/** Every connection attempt, by port, and the bodies that reached an instance. */
	private final Queue<Integer> attempts = new ConcurrentLinkedQueue<>();

	private final Queue<String> bodies = new ConcurrentLinkedQueue<>();

	/** The dead instance refuses the connection; the other answers 200. */
	private final ClientHttpConnector upstream = (method, uri, callback) -> {
		this.attempts.add(uri.getPort());
		if (uri.getPort() == DEAD.getPort()) {
			return Mono.error(new ConnectException("Connection refused: /127.0.0.1:8081"));
		}
		MockClientHttpRequest request = new MockClientHttpRequest(method, uri);
		return callback.apply(request)
			.then(Mono.defer(request::getBodyAsString).doOnNext(this.bodies::add))
			.thenReturn(new MockClientHttpResponse(HttpStatus.OK));
	};

	@Test
	void filterWhenOneInstanceRefusesThenEveryRequestAnsweredByTheOtherWithItsBodyOnce() {
		ApiProxy proxy = proxy(this.upstream);

		for (int i = 0; i < 6; i++) {
			MockServerWebExchange exchange = tokenRequest("grant_type=client_credentials&n=" + i);
			proxy.filter(exchange, (e) -> Mono.empty()).block();
			assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
		}

		assertThat(this.bodies).hasSize(6).doesNotHaveDuplicates();
		// refused once, then passed over while marked down
		assertThat(this.attempts.stream().filter((port) -> port == DEAD.getPort())).hasSize(1);
	}

	@Test
	void filterWhenRequestWasSentAndThenFailedThenNotSentAgain() {
		ClientHttpConnector resetAfterSending = (method, uri, callback) -> {
			this.attempts.add(uri.getPort());
			MockClientHttpRequest request = new MockClientHttpRequest(method, uri);
			return callback.apply(request)
				.then(Mono.defer(request::getBodyAsString).doOnNext(this.bodies::add))
				.then(Mono.error(new IOException("Connection reset by peer")));
		};
		ApiProxy proxy = proxy(resetAfterSending);

		assertThatThrownBy(
				() -> proxy.filter(tokenRequest("grant_type=client_credentials"), (e) -> Mono.empty()).block())
			.hasRootCauseInstanceOf(IOException.class);
		assertThat(this.attempts).hasSize(1);
		assertThat(this.bodies).hasSize(1);
	}

	@Test
	void filterWhenEveryInstanceRefusesThenTheConnectFailureAfterTryingEachOnce() {
		ClientHttpConnector allDead = (method, uri, callback) -> {
			this.attempts.add(uri.getPort());
			return Mono.error(new ConnectException("Connection refused"));
		};
		ApiProxy proxy = proxy(allDead);

		assertThatThrownBy(
				() -> proxy.filter(tokenRequest("grant_type=client_credentials"), (e) -> Mono.empty()).block())
			.hasRootCauseInstanceOf(ConnectException.class);
		assertThat(this.attempts).containsExactlyInAnyOrder(DEAD.getPort(), ALIVE.getPort());
	}

	private static ApiProxy proxy(ClientHttpConnector connector) {
		UpstreamProperties upstreams = new UpstreamProperties(List.of(DEAD, ALIVE), URI.create("http://127.0.0.1:8082"),
				URI.create("http://127.0.0.1:8083"), URI.create("http://127.0.0.1:8084"));
		return new ApiProxy(new UpstreamRoutes(upstreams, Duration.ofMinutes(1)), connector);
	}

	private static MockServerWebExchange tokenRequest(String body) {
		return MockServerWebExchange.from(MockServerHttpRequest.post("http://gateway.example/oauth2/token")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(body));
	}

}
