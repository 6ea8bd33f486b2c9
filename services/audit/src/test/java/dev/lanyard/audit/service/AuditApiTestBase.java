package dev.lanyard.audit.service;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.lanyard.audit.trail.adapter.jdbc.JdbcAuditTrail;
import dev.lanyard.launcher.Infrastructure;
import dev.lanyard.testing.infrastructure.ServiceUnderTest;
import dev.lanyard.testing.infrastructure.SharedInfrastructure;
import dev.lanyard.testing.jwt.TestJwks;
import dev.lanyard.testing.kafka.TestKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the auditor-facing service tests share: one Spring context (the same settings for
 * every subclass, so Spring caches it) against real Kafka, Apicurio Registry and
 * PostgreSQL from {@link Infrastructure#shared()}, an auditor's token, and HTTP helpers.
 * The Kafka client and the JWK set server live as long as the cached context, so they are
 * closed when the JVM ends, not after a class. Every test uses ids of its own, since the
 * database outlives a run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class AuditApiTestBase extends ServiceUnderTest {

	protected static final int FETCH_SIZE = 7;

	protected static final Duration EVENTUALLY = Duration.ofSeconds(60);

	protected static final TestJwks jwks = new TestJwks("audit");

	protected static final JsonMapper json = JsonMapper.builder().build();

	protected static final HttpClient http = HttpClient.newHttpClient();

	protected static TestKafka kafka;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure infrastructure = SharedInfrastructure.register(registry, "audit");
		if (kafka == null) {
			kafka = new TestKafka(infrastructure.kafkaBootstrapServers(), infrastructure.registryUrl());
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				kafka.close();
				jwks.close();
			}));
		}
		registry.add("spring.kafka.consumer.group-id", () -> "audit-api-it-" + UUID.randomUUID());
		registry.add("lanyard.audit.issuer", () -> TestJwks.ISSUER);
		registry.add("lanyard.audit.jwk-set-uri", jwks::jwkSetUri);
		registry.add("lanyard.audit.export.fetch-size", () -> Integer.toString(FETCH_SIZE));
	}

	@Autowired
	protected JdbcAuditTrail trail;

	@Autowired
	protected DataSource dataSource;

	protected List<JsonNode> events(Map<String, String> parameters) throws Exception {
		String query = parameters.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		List<JsonNode> events = new ArrayList<>();
		get("/api/audit/events?limit=500&" + query).get("events").forEach(events::add);
		return events;
	}

	protected JsonNode get(String pathAndQuery) throws Exception {
		HttpResponse<String> response = send(request(pathAndQuery).GET());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	protected HttpResponse<String> post(String path, String body) throws Exception {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	protected HttpRequest.Builder request(String pathAndQuery) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + pathAndQuery))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + jwks.token("auditor-client", "auditor"));
	}

	protected static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
