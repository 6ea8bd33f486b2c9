package dev.lanyard.tokenbroker.external.adapter.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.lanyard.platform.outbound.AddressPolicy;
import dev.lanyard.platform.outbound.HostResolver;
import dev.lanyard.platform.outbound.VettedResolver;
import dev.lanyard.platform.outbound.http.OutboundHttp;
import dev.lanyard.testing.http.StubResponses;
import dev.lanyard.tokenbroker.external.application.ExternalServiceRefusedException;
import dev.lanyard.tokenbroker.external.domain.ExternalToken;
import dev.lanyard.tokenbroker.integrations.domain.Integration;
import dev.lanyard.tokenbroker.integrations.domain.IntegrationKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** A token endpoint stand-in on 127.0.0.1; names resolve through test tables only. */
class HttpExternalTokenEndpointTest {

	private HttpServer server;

	private final AtomicInteger calls = new AtomicInteger();

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/token", (exchange) -> {
			this.calls.incrementAndGet();
			StubResponses.json(exchange, 200,
					"{\"access_token\":\"at-1\",\"token_type\":\"Bearer\",\"expires_in\":60}");
		});
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void clientCredentialsWhenEndpointResolvesToLoopbackThenRefusedWithoutACall() {
		HostResolver loopback = (host) -> List.of(InetAddress.ofLiteral("127.0.0.1"));
		HttpExternalTokenEndpoint endpoint = endpoint(false, loopback);

		assertThatExceptionOfType(ExternalServiceRefusedException.class)
			.isThrownBy(() -> endpoint.clientCredentials(integration("idp.example"), "secret", Set.of()))
			.satisfies((ex) -> {
				assertThat(ex.error()).isNull();
				assertThat(ex.getMessage()).contains("integration i-1")
					.contains("not allowed")
					.doesNotContain("127.0.0.1");
			});
		assertThat(this.calls).hasValue(0);
	}

	/**
	 * Rebinding: whatever an earlier lookup said, the call vets its own and only that.
	 */
	@Test
	void clientCredentialsWhenNameRebindsToLoopbackThenRefusedWithoutACall() throws Exception {
		AtomicInteger lookups = new AtomicInteger();
		HostResolver rebinding = (host) -> List
			.of(InetAddress.ofLiteral((lookups.getAndIncrement() == 0) ? "93.184.216.34" : "127.0.0.1"));
		VettedResolver addresses = new VettedResolver(new AddressPolicy(false), rebinding);
		addresses.resolve("idp.example");
		HttpExternalTokenEndpoint endpoint = new HttpExternalTokenEndpoint(
				OutboundHttp.create(addresses, Duration.ofSeconds(2)), JsonMapper.builder().build(), Clock.systemUTC());

		assertThatExceptionOfType(ExternalServiceRefusedException.class)
			.isThrownBy(() -> endpoint.clientCredentials(integration("idp.example"), "secret", Set.of()));
		assertThat(this.calls).hasValue(0);
	}

	/** A refusal is not retried: a retry would be one more lookup to rebind. */
	@Test
	void clientCredentialsWhenRefusedBehindResiliencePoliciesThenOneLookupAndRefused() {
		AtomicInteger lookups = new AtomicInteger();
		HostResolver loopback = (host) -> {
			lookups.incrementAndGet();
			return List.of(InetAddress.ofLiteral("127.0.0.1"));
		};
		HttpExternalTokenEndpoint http = endpoint(false, loopback);
		ResilientExternalTokenEndpoint resilient = new ResilientExternalTokenEndpoint(http, http,
				ExternalCallPolicies.retry("test", 3, Duration.ofMillis(1)),
				ExternalCallPolicies.circuitBreakers(50, 10, 5, Duration.ofSeconds(30)),
				ExternalCallPolicies.bulkheads(5, Duration.ZERO));

		assertThatExceptionOfType(ExternalServiceRefusedException.class)
			.isThrownBy(() -> resilient.clientCredentials(integration("idp.example"), "secret", Set.of()));
		assertThat(lookups).hasValue(1);
		assertThat(this.calls).hasValue(0);
	}

	@Test
	void clientCredentialsWhenMetadataAddressAndPrivateAllowedThenRefusedWithoutACall() {
		HostResolver metadata = (host) -> List.of(InetAddress.ofLiteral("169.254.169.254"));
		assertThatExceptionOfType(ExternalServiceRefusedException.class).isThrownBy(
				() -> endpoint(true, metadata).clientCredentials(integration("idp.example"), "secret", Set.of()));
		assertThat(this.calls).hasValue(0);
	}

	@Test
	void clientCredentialsWhenPrivateAllowedThenCallsTheVettedAddress() throws Exception {
		HostResolver loopback = (host) -> List.of(InetAddress.ofLiteral("127.0.0.1"));
		ExternalToken token = endpoint(true, loopback).clientCredentials(integration("idp.example"), "secret",
				Set.of("read"));
		assertThat(token.value()).isEqualTo("at-1");
		assertThat(this.calls).hasValue(1);
	}

	@Test
	void constructorWhenHttpNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new HttpExternalTokenEndpoint(null, JsonMapper.builder().build(), Clock.systemUTC()))
			.withMessage("http cannot be null");
	}

	private HttpExternalTokenEndpoint endpoint(boolean allowPrivate, HostResolver resolver) {
		return new HttpExternalTokenEndpoint(OutboundHttp
			.create(new VettedResolver(new AddressPolicy(allowPrivate), resolver), Duration.ofSeconds(2)),
				JsonMapper.builder().build(), Clock.systemUTC());
	}

	private Integration integration(String host) {
		URI tokenEndpoint = URI.create("http://" + host + ":" + this.server.getAddress().getPort() + "/token");
		return new Integration("i-1", "I 1", IntegrationKind.SERVICE_ACCOUNT, tokenEndpoint, null, "client", 1,
				Set.of("read"), null, null, Set.of(), Set.of("c-1"), false, Instant.now());
	}

}
