package dev.lanyard.tokenbroker.external.adapter.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.lanyard.platform.outbound.AddressPolicy;
import dev.lanyard.platform.outbound.VettedResolver;
import dev.lanyard.platform.outbound.http.OutboundHttp;
import dev.lanyard.testing.http.StubResponses;
import dev.lanyard.tokenbroker.external.application.ExternalServiceRefusedException;
import dev.lanyard.tokenbroker.external.domain.ExternalToken;
import dev.lanyard.tokenbroker.integrations.domain.Delegation;
import dev.lanyard.tokenbroker.integrations.domain.Integration;
import dev.lanyard.tokenbroker.integrations.domain.IntegrationKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The two delegation requests on the wire, against a token endpoint on 127.0.0.1 that
 * records exactly what it received.
 */
class DelegationRequestsTest {

	private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

	private HttpServer server;

	private final AtomicReference<String> body = new AtomicReference<>();

	private final AtomicReference<String> authorization = new AtomicReference<>();

	private volatile int status = 200;

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/token", (exchange) -> {
			this.authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
			this.body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			StubResponses.json(exchange, this.status, (this.status == 200)
					? "{\"access_token\":\"delegated-1\",\"token_type\":\"Bearer\",\"expires_in\":300,\"scope\":\"read\"}"
					: "{\"error\":\"invalid_grant\"}");
		});
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void onBehalfOfWhenTokenExchangeThenRfc8693FormWithClientSecretBasic() throws Exception {
		ExternalToken token = endpoint().onBehalfOf(integration(Delegation.TOKEN_EXCHANGE, "api://orders"), "s3cret",
				"upstream-1", Set.of());

		assertThat(form()).containsExactly(Map.entry("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange"),
				Map.entry("subject_token", "upstream-1"),
				Map.entry("subject_token_type", "urn:ietf:params:oauth:token-type:access_token"),
				Map.entry("requested_token_type", "urn:ietf:params:oauth:token-type:access_token"),
				Map.entry("audience", "api://orders"), Map.entry("scope", "openid read"));
		assertThat(this.authorization.get()).isEqualTo(
				"Basic " + Base64.getEncoder().encodeToString("client-1:s3cret".getBytes(StandardCharsets.UTF_8)));
		assertThat(token.value()).isEqualTo("delegated-1");
		assertThat(token.scopes()).containsExactly("read");
		assertThat(token.expiresAt()).isEqualTo(NOW.plusSeconds(300));
	}

	@Test
	void onBehalfOfWhenJwtBearerOboThenEntraFormWithRequestedScopes() throws Exception {
		endpoint().onBehalfOf(integration(Delegation.JWT_BEARER_OBO, "api://ignored"), "s3cret", "upstream-1",
				Set.of("read"));

		assertThat(form()).containsExactly(Map.entry("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"),
				Map.entry("assertion", "upstream-1"), Map.entry("requested_token_use", "on_behalf_of"),
				Map.entry("scope", "read"));
	}

	@Test
	void onBehalfOfWhenProviderAnswersInvalidGrantThenRefusedWithoutTheToken() {
		this.status = 400;
		assertThatExceptionOfType(ExternalServiceRefusedException.class)
			.isThrownBy(() -> endpoint().onBehalfOf(integration(Delegation.TOKEN_EXCHANGE, null), "s3cret",
					"upstream-1", Set.of()))
			.satisfies((ex) -> {
				assertThat(ex.error()).isEqualTo("invalid_grant");
				assertThat(ex.getMessage()).doesNotContain("upstream-1").doesNotContain("s3cret");
			});
	}

	@Test
	void onBehalfOfWhenIntegrationNotDelegatedThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> endpoint().onBehalfOf(integration(null, null), "s3cret", "upstream-1", Set.of()))
			.withMessage("integration must have a delegation mode");
	}

	private Map<String, String> form() {
		Map<String, String> form = new LinkedHashMap<>();
		Arrays.stream(this.body.get().split("&"))
			.map((pair) -> pair.split("=", 2))
			.forEach((pair) -> form.put(URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
					URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
		return form;
	}

	private HttpExternalTokenEndpoint endpoint() {
		return new HttpExternalTokenEndpoint(
				OutboundHttp.create(new VettedResolver(new AddressPolicy(true),
						(host) -> List.of(InetAddress.getLoopbackAddress())), Duration.ofSeconds(2)),
				JsonMapper.builder().build(), Clock.fixed(NOW, java.time.ZoneOffset.UTC));
	}

	private Integration integration(Delegation delegation, String audience) {
		return new Integration("i-1", "Orders", IntegrationKind.VIEWER,
				URI.create("http://idp.example:" + this.server.getAddress().getPort() + "/token"), null, "client-1", 1,
				Set.of("openid", "read"), audience, null, Set.of(), Set.of("c-1"), false, NOW, delegation);
	}

}
