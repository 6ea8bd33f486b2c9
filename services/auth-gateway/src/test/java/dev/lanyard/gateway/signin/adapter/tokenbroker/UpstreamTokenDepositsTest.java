package dev.lanyard.gateway.signin.adapter.tokenbroker;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The deposit as token-broker (a stand-in on 127.0.0.1) receives it. */
class UpstreamTokenDepositsTest {

	private static final Instant EXPIRY = Instant.parse("2026-12-05T11:00:00Z");

	private HttpServer server;

	private final AtomicReference<String> body = new AtomicReference<>();

	private final AtomicReference<String> authorization = new AtomicReference<>();

	private final AtomicInteger calls = new AtomicInteger();

	private volatile int status = 204;

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/internal/upstream-tokens", (exchange) -> {
			this.calls.incrementAndGet();
			this.authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
			this.body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			exchange.sendResponseHeaders(this.status, -1);
			exchange.close();
		});
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void depositWhenConfiguredThenPostsSessionSignInUserTokenAndExpiryAsTheGateway() {
		deposits("gateway-secret").deposit("s-1", "login-1", "u-1", "upstream-1", EXPIRY, "corr-1").block();

		JsonNode json = JsonMapper.builder().build().readTree(this.body.get());
		assertThat(json.get("sessionId").asString()).isEqualTo("s-1");
		assertThat(json.get("loginEventId").asString()).isEqualTo("login-1");
		assertThat(json.get("userId").asString()).isEqualTo("u-1");
		assertThat(json.get("accessToken").asString()).isEqualTo("upstream-1");
		assertThat(json.get("expiresAt").asString()).isEqualTo("2026-12-05T11:00:00Z");
		assertThat(this.authorization.get()).isEqualTo("Basic "
				+ Base64.getEncoder().encodeToString("gateway:gateway-secret".getBytes(StandardCharsets.UTF_8)));
	}

	/** A refused or failed deposit never fails the sign-in. */
	@Test
	void depositWhenTokenBrokerRefusesOrIsDownThenCompletesEmpty() {
		this.status = 409;
		deposits("gateway-secret").deposit("s-1", "login-1", "u-1", "upstream-1", EXPIRY, "corr-1").block();
		this.server.stop(0);
		deposits("gateway-secret").deposit("s-1", "login-1", "u-1", "upstream-1", EXPIRY, "corr-1").block();
		assertThat(this.calls).hasValue(1);
	}

	@Test
	void depositWhenNoExpiryThenNothingSent() {
		deposits("gateway-secret").deposit("s-1", "login-1", "u-1", "upstream-1", null, "corr-1").block();
		assertThat(this.calls).hasValue(0);
	}

	@Test
	void constructorWhenCredentialsNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new UpstreamTokenDeposits(WebClient.create(), null, Duration.ofSeconds(1)))
			.withMessage("credentials cannot be null");
	}

	private UpstreamTokenDeposits deposits(String secret) {
		return new UpstreamTokenDeposits(
				WebClient.builder().baseUrl("http://127.0.0.1:" + this.server.getAddress().getPort()).build(),
				new GatewayClientCredentials(
						new TokenBrokerClientProperties("gateway", secret, null, Duration.ofSeconds(2))),
				Duration.ofSeconds(2));
	}

}
