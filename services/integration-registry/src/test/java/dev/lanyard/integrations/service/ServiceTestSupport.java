package dev.lanyard.integrations.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.lanyard.integrations.testing.FakeOAuthServer;
import dev.lanyard.testing.infrastructure.FirstWrite;
import dev.lanyard.testing.infrastructure.FirstWrite.HttpAnswer;
import dev.lanyard.testing.infrastructure.ServiceUnderTest;
import dev.lanyard.testing.infrastructure.SharedInfrastructure;
import dev.lanyard.testing.jwt.TestJwks;
import org.junit.jupiter.api.BeforeEach;
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
 * One integration-registry on a random port against the shared real Kafka, Apicurio
 * Registry and PostgreSQL. Every IT class extends this unchanged, so Spring's context
 * cache starts the service once for all of them. Every client secret a test uses is
 * remembered; the last test of each class checks that none reached the log file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "lanyard.integrations.publish-ack-timeout=PT2S",
				"lanyard.integrations.connection-test-timeout=PT2S",
				"lanyard.integrations.allow-private-endpoints=true", "lanyard.integrations.issuer=" + TestJwks.ISSUER,
				"logging.file.name=" + ServiceTestSupport.LOG_FILE, "spring.datasource.hikari.maximum-pool-size=3",
				"logging.level.org.apache.kafka=WARN" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class ServiceTestSupport extends ServiceUnderTest {

	static final String LOG_FILE = "target/it-logs/integration-registry.log";

	static final String KEY_ID = "kek-it";

	/** A retired key-encryption key, still configured so that secrets under it open. */
	static final String OLD_KEY_ID = "kek-it-old";

	static final byte[] OLD_KEY = "integration-registry-it-old-0032".getBytes();

	static final String ADMIN = "it-admin";

	static final Set<String> SENSITIVE = ConcurrentHashMap.newKeySet();

	static final TestJwks jwks = new TestJwks("integration-registry");

	/** The external provider: one client whose secret is {@link #PROVIDER_SECRET}. */
	static final String PROVIDER_CLIENT = "warehouse-client";

	static final String PROVIDER_SECRET = secret();

	static final FakeOAuthServer provider = new FakeOAuthServer(PROVIDER_CLIENT, PROVIDER_SECRET);

	private static volatile boolean publishing;

	protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	final JsonMapper json = JsonMapper.builder().build();

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		SharedInfrastructure.register(registry, "integration_registry");
		registry.add("lanyard.integrations.jwk-set-uri", jwks::jwkSetUri);
		registry.add("lanyard.integrations.key-encryption.keys",
				() -> OLD_KEY_ID + ":" + Base64.getEncoder().encodeToString(OLD_KEY) + "," + KEY_ID + ":"
						+ Base64.getEncoder().encodeToString("integration-registry-it-key-0032".getBytes()));
		registry.add("lanyard.integrations.key-encryption.active-key-id", () -> KEY_ID);
	}

	/** A fresh client secret, remembered for the log scan. */
	static String secret() {
		String secret = "cs-" + UUID.randomUUID() + "-" + UUID.randomUUID();
		SENSITIVE.add(secret);
		return secret;
	}

	/**
	 * Waits, once per JVM, until changes are published: on a loaded two-core machine the
	 * very first send can miss the 2 s ack timeout (and be refused, as it should).
	 */
	@BeforeEach
	protected void serviceAcceptsChanges() throws InterruptedException {
		if (!publishing) {
			FirstWrite.await("publishes changes", Duration.ofSeconds(90), 201, () -> post("/api/integrations",
					adminToken(), serviceAccount("warm-up " + UUID.randomUUID(), secret())));
			publishing = true;
		}
	}

	@Test
	@Order(Integer.MAX_VALUE)
	protected void logsWhenTestsRanThenHoldNoClientSecret() throws IOException {
		String logs = Files.readString(Path.of(LOG_FILE));
		assertThat(logs).isNotEmpty();
		assertThat(SENSITIVE).isNotEmpty().allSatisfy((value) -> assertThat(logs).doesNotContain(value));
		assertThat(provider.issuedTokens()).allSatisfy((token) -> assertThat(logs).doesNotContain(token));
		assertThat(logs).doesNotContainIgnoringCase("generated security password");
	}

	// ---- fixtures

	static String adminToken() {
		return jwks.token(ADMIN, "administrator");
	}

	static Map<String, Object> serviceAccount(String name, String clientSecret) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", name);
		body.put("description", "Warehouse service account");
		body.put("template", "custom");
		body.put("kind", "service-account");
		body.put("tokenEndpoint", provider.url("/token"));
		body.put("clientId", PROVIDER_CLIENT);
		body.put("clientSecret", clientSecret);
		body.put("scopes", java.util.List.of("read", "write"));
		body.put("audience", "https://warehouse.example.com");
		body.put("maxTokenLifetimeSeconds", 900);
		body.put("allowedGroupIds", java.util.List.of("g-analysts"));
		return body;
	}

	// ---- HTTP

	record Response(int status, String body, HttpResponse<String> raw, JsonMapper json) implements HttpAnswer {

		JsonNode node() {
			return this.json.readTree(this.body);
		}

		String contentType() {
			return this.raw.headers().firstValue("Content-Type").orElse("");
		}

	}

	Response get(String path, String token) {
		return send(request(path, token).GET());
	}

	Response post(String path, String token, Object body) {
		return send(request(path, token).header("Content-Type", "application/json").POST(publisher(body)));
	}

	Response put(String path, String token, Object body) {
		return send(request(path, token).header("Content-Type", "application/json").PUT(publisher(body)));
	}

	Response delete(String path, String token) {
		return send(request(path, token).DELETE());
	}

	Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(), response, this.json);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	HttpRequest.Builder request(String path, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return request;
	}

	private HttpRequest.BodyPublisher publisher(Object body) {
		return (body instanceof String text) ? HttpRequest.BodyPublishers.ofString(text)
				: HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body));
	}

}
