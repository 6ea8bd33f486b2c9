package dev.lanyard.tokenbroker.federation.adapter.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.lanyard.tokenbroker.external.adapter.http.ExternalCallPolicies;
import dev.lanyard.tokenbroker.external.application.ExternalServiceUnavailableException;
import dev.lanyard.tokenbroker.external.application.IssueInternalServiceToken;
import dev.lanyard.tokenbroker.federation.application.FederatedUserProvisioning.Admission;
import dev.lanyard.tokenbroker.federation.application.NewFederatedUser;
import dev.lanyard.tokenbroker.issuance.domain.TokenIssuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The call to user-provisioning's internal endpoint, against a local HTTP server. */
class ProvisioningFederatedUsersTest {

	private static final NewFederatedUser ALICE = new NewFederatedUser("https://sso.example.com", "alice", null,
			"alice@example.com", "Alice", null, List.of("staff"));

	private final List<TokenIssuance> recorded = new ArrayList<>();

	private final List<String> bodies = new ArrayList<>();

	private final List<String> authorizations = new ArrayList<>();

	private final List<String> correlations = new ArrayList<>();

	private final AtomicInteger calls = new AtomicInteger();

	private HttpServer server;

	private volatile int status = 201;

	private volatile String answer = "{\"userId\":\"u-1\",\"version\":1,\"created\":true}";

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/internal/federated-users", this::handle);
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void admitWhenCreatedThenAdmittedWithRecordedInternalTokenForUserProvisioning() throws Exception {
		Admission admission = client().admit(ALICE, "corr-7");

		assertThat(admission).isEqualTo(new Admission.Admitted("u-1", 1));
		assertThat(this.authorizations).containsExactly("Bearer internal-for-user-provisioning");
		assertThat(this.correlations).containsExactly("corr-7");
		assertThat(this.recorded).singleElement().satisfies((issuance) -> {
			assertThat(issuance.audience()).containsExactly("user-provisioning");
			assertThat(issuance.correlationId()).isEqualTo("corr-7");
		});
		assertThat(this.bodies.getFirst()).contains("\"issuer\":\"https://sso.example.com\"")
			.contains("\"uniqueId\":\"alice\"")
			.contains("\"groups\":[\"staff\"]");
	}

	@Test
	void admitWhenRefusedByPolicyThenNotAdmittedWithTheReason() throws Exception {
		this.status = 422;
		this.answer = "{\"title\":\"Not admitted\",\"reason\":\"no-access-group\"}";

		assertThat(client().admit(ALICE, "corr-7")).isEqualTo(new Admission.NotAdmitted("no-access-group"));
		assertThat(this.calls).hasValue(1);
	}

	@Test
	void admitWhenForbiddenThenRetriedAndUnavailable() {
		this.status = 403;
		this.answer = "{}";

		assertThatExceptionOfType(ExternalServiceUnavailableException.class)
			.isThrownBy(() -> client().admit(ALICE, "corr-7"))
			.withMessageContaining("HTTP 403");
		assertThat(this.calls).hasValue(2);
	}

	@Test
	void admitWhenNothingListensThenUnavailable() {
		this.server.stop(0);

		assertThatExceptionOfType(ExternalServiceUnavailableException.class)
			.isThrownBy(() -> client().admit(ALICE, "corr-7"));
	}

	private ProvisioningFederatedUsers client() {
		IssueInternalServiceToken tokens = new IssueInternalServiceToken(
				(audience, tokenId, issuedAt, expiresAt) -> "internal-for-" + audience, this.recorded::add,
				Duration.ofSeconds(60), Clock.systemUTC());
		return new ProvisioningFederatedUsers(URI.create("http://127.0.0.1:" + this.server.getAddress().getPort()),
				HttpClient.newHttpClient(), JsonMapper.builder().build(), Duration.ofSeconds(2), tokens,
				ExternalCallPolicies.retry("test", 2, Duration.ofMillis(10)));
	}

	private void handle(HttpExchange exchange) throws IOException {
		this.calls.incrementAndGet();
		this.bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		this.authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
		this.correlations.add(exchange.getRequestHeaders().getFirst("X-Correlation-Id"));
		byte[] body = this.answer.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(this.status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

}
