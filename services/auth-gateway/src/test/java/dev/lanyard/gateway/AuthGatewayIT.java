package dev.lanyard.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import dev.lanyard.testing.infrastructure.ServiceHealth;
import dev.lanyard.testing.infrastructure.ServiceUnderTest;
import dev.lanyard.testing.infrastructure.SharedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway against real Kafka and PostgreSQL, with stubs standing in for token-broker
 * and audit. token-broker is listed as two instances, the first of which is dead (its
 * port refuses connections): every request must still reach the live one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthGatewayIT extends ServiceUnderTest {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final UpstreamStub tokenBroker = UpstreamStub.start("token-broker");

	private static final UpstreamStub audit = UpstreamStub.start("audit");

	/** A token-broker instance that is down: nothing listens on its port. */
	private static final int DEAD_PORT = UpstreamStub.unusedPort();

	private static final UpstreamStub userProvisioning = UpstreamStub.start("user-provisioning");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(WAIT).build();

	private final JsonMapper json = JsonMapper.builder().build();

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		SharedInfrastructure.register(registry, "auth_gateway");
		registry.add("lanyard.gateway.token-broker-url",
				() -> "http://127.0.0.1:" + DEAD_PORT + "," + tokenBroker.url());
		registry.add("lanyard.gateway.audit-url", audit::url);
		registry.add("lanyard.gateway.user-provisioning-url", userProvisioning::url);
	}

	@AfterAll
	static void stopStubs() {
		tokenBroker.close();
		audit.close();
		userProvisioning.close();
	}

	@Test
	void healthWhenKafkaAndDatabaseReachableThenUpWithBoth() {
		ServiceHealth.assertUpWithKafkaAndDatabase(this.port);
	}

	@Test
	void migrationsWhenStartedThenWebSessionTableReplacedTheUnusedOne() {
		assertThat(this.jdbc.queryForObject("select to_regclass('web_session') is not null", Boolean.class)).isTrue();
		assertThat(this.jdbc.queryForObject("select to_regclass('browser_session') is null", Boolean.class)).isTrue();
	}

	@Test
	void tokenEndpointWhenCalledThenReachesTokenBrokerWithAuthorizationAndCorrelationId() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/oauth2/token"))
			.header("Authorization", "Basic Y2xpZW50OnNlY3JldA==")
			.header("X-Correlation-Id", "it-corr-1")
			.header("Cookie", "LANYARD_SESSION=gateway-only")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("token-broker");
		assertThat(response.headers().allValues("X-Correlation-Id")).containsExactly("it-corr-1");
		UpstreamStub.Received received = tokenBroker.next(WAIT);
		assertThat(received.method()).isEqualTo("POST");
		assertThat(received.uri()).isEqualTo("/oauth2/token");
		assertThat(received.authorization()).isEqualTo("Basic Y2xpZW50OnNlY3JldA==");
		assertThat(received.correlationId()).isEqualTo("it-corr-1");
		assertThat(received.body()).isEqualTo("grant_type=client_credentials");
		assertThat(received.cookie()).isNull();
	}

	@Test
	void tokenEndpointWhenOneTokenBrokerInstanceDownThenEveryRequestAnsweredByTheOther() throws Exception {
		int requests = 20;
		tokenBroker.clear();
		for (int i = 0; i < requests; i++) {
			HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/oauth2/token"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&n=" + i)));
			assertThat(response.statusCode()).as("request %d", i).isEqualTo(200);
		}

		for (int i = 0; i < requests; i++) {
			// each body arrived once, in order: none was lost or sent twice
			assertThat(tokenBroker.next(WAIT).body()).isEqualTo("grant_type=client_credentials&n=" + i);
		}
		assertThat(tokenBroker.pending()).isZero();
	}

	@Test
	void auditEventsWhenCalledWithoutCorrelationIdThenReachesAuditWithGeneratedId() throws Exception {
		HttpResponse<String> response = send(
				get("/api/audit/events?subject=c-42&limit=5").header("Authorization", "Bearer eyJ.test.jwt"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"audit\"");
		UpstreamStub.Received received = audit.next(WAIT);
		assertThat(received.uri()).isEqualTo("/api/audit/events?subject=c-42&limit=5");
		assertThat(received.authorization()).isEqualTo("Bearer eyJ.test.jwt");
		assertThat(received.correlationId()).isNotBlank();
		assertThat(response.headers().allValues("X-Correlation-Id")).containsExactly(received.correlationId());
	}

	@Test
	void scimWhenIdentityProviderPatchesThenReachesUserProvisioningWithSecretUnchangedAndNoCookie() throws Exception {
		String secret = "lys_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
		String patch = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
				+ "\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}";
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/scim/v2/Users/u-1?attributes=active"))
			.header("Authorization", "Bearer " + secret)
			.header("Cookie", "LANYARD_SESSION=gateway-only")
			.header("Content-Type", "application/scim+json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(patch)));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("user-provisioning");
		UpstreamStub.Received received = userProvisioning.next(WAIT);
		assertThat(received.method()).isEqualTo("PATCH");
		assertThat(received.uri()).isEqualTo("/scim/v2/Users/u-1?attributes=active");
		assertThat(received.authorization()).isEqualTo("Bearer " + secret);
		assertThat(received.cookie()).isNull();
		assertThat(received.body()).isEqualTo(patch);
	}

	@Test
	void discoveryWhenCalledThenReachesTokenBroker() throws Exception {
		HttpResponse<String> response = send(get("/.well-known/openid-configuration"));
		assertThat(response.body()).contains("token-broker");
		assertThat(tokenBroker.next(WAIT).uri()).isEqualTo("/.well-known/openid-configuration");
	}

	@Test
	void unknownPathWhenCalledThenNotFoundProblem() throws Exception {
		HttpResponse<String> response = send(get("/api/nothing-here").header("X-Correlation-Id", "nf-1"));
		JsonNode problem = this.json.readTree(response.body());
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(problem.path("status").asInt()).isEqualTo(404);
		assertThat(problem.path("instance").asString()).isEqualTo("/api/nothing-here");
		assertThat(problem.path("correlationId").asString()).isEqualTo("nf-1");
	}

	@Test
	@Order(Integer.MAX_VALUE)
	void routeWhenUpstreamDownThenBadGatewayProblem() throws Exception {
		audit.close();
		HttpResponse<String> response = send(get("/api/audit/events"));
		JsonNode problem = this.json.readTree(response.body());
		assertThat(response.statusCode()).isEqualTo(502);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(problem.path("title").asString()).isEqualTo("Bad Gateway");
		assertThat(problem.path("correlationId").asString()).isNotBlank();
	}

	private HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(uri(path)).GET();
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
	}

}
