package dev.lanyard.tokenbroker.service;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.lanyard.testing.infrastructure.FirstWrite;
import dev.lanyard.testing.infrastructure.FirstWrite.HttpAnswer;
import dev.lanyard.testing.infrastructure.ServiceUnderTest;
import dev.lanyard.testing.infrastructure.SharedInfrastructure;
import dev.lanyard.platform.ids.SignInAnswers;
import dev.lanyard.tokenbroker.clients.domain.ClientSecret;
import dev.lanyard.tokenbroker.sessions.application.SignIns;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One token-broker on a random port against the shared real Kafka, Apicurio Registry and
 * PostgreSQL. Every IT class extends this unchanged, so Spring's context cache starts the
 * service once for all of them. Every secret and token a test sees is remembered; the
 * last test of each class checks that none of them reached the log file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "lanyard.token-broker.audit-ack-timeout=PT2S",
				"lanyard.token-broker.issuer=" + ServiceTestSupport.ISSUER,
				"logging.file.name=" + ServiceTestSupport.LOG_FILE, "spring.datasource.hikari.maximum-pool-size=3",
				"logging.level.org.apache.kafka=WARN", "lanyard.token-broker.user-wait-timeout=PT1S",
				// viewer tokens of a few seconds' life are refreshed in the tests
				"lanyard.token-broker.external-token-refresh-before-expiry=PT1S",
				// the external OAuth stand-in listens on loopback
				"lanyard.token-broker.allow-private-endpoints=true",
				// FederationIT rotates an issuer's key and presents the new kid a moment
				// later
				"lanyard.token-broker.federation.keys-refresh-interval=PT1S",
				"lanyard.tokens.delegation.audiences=" + ServiceTestSupport.DELEGATION_AUDIENCE })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ServiceTestSupport extends ServiceUnderTest {

	@Autowired
	SignIns signIns;

	static final String ISSUER = "http://127.0.0.1:18080";

	/** The one audience delegated tokens may be issued for here. */
	static final String DELEGATION_AUDIENCE = "https://reports.delegation.test";

	static final String LOG_FILE = "target/it-logs/token-broker.log";

	static final String ADMIN_ID = "it-admin";

	static final String ADMIN_SECRET = ClientSecret.generate().value();

	/** The gateway's client, from the deployment's settings as in production. */
	static final RegisteredClient GATEWAY = new RegisteredClient("it-gateway", ClientSecret.generate().value());

	static final Set<String> SENSITIVE = ConcurrentHashMap.newKeySet();

	/** A fresh key-encryption key per run: the service refuses to start without one. */
	static final String KEY_ENCRYPTION_KEY = Base64.getEncoder()
		.encodeToString(ClientSecret.generate().value().substring(0, 32).getBytes(StandardCharsets.US_ASCII));

	static {
		SENSITIVE.add(ADMIN_SECRET);
		SENSITIVE.add(KEY_ENCRYPTION_KEY);
	}

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	final JsonMapper json = JsonMapper.builder().build();

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		SharedInfrastructure.register(registry, "token_broker");
		registry.add("lanyard.token-broker.bootstrap-admin-client-id", () -> ADMIN_ID);
		registry.add("lanyard.token-broker.bootstrap-admin-client-secret", () -> ADMIN_SECRET);
		registry.add("lanyard.token-broker.throttling.trusted-proxies", () -> "127.0.0.1");
		registry.add("lanyard.token-broker.gateway-client-id", GATEWAY::clientId);
		registry.add("lanyard.token-broker.gateway-client-secret", GATEWAY::secret);
		registry.add("lanyard.token-broker.integration-registry-url", ExternalServices::registryUrl);
		registry.add("lanyard.token-broker.federation.user-provisioning-url", ExternalServices::registryUrl);
		registry.add("lanyard.token-broker.key-encryption.key", () -> KEY_ENCRYPTION_KEY);
	}

	private static volatile boolean issuing;

	/**
	 * Waits, once per JVM, until the service issues tokens. On a loaded two-core machine
	 * the very first send can miss the 2 s ack timeout and be refused (as it should be);
	 * the tests are about what happens after that.
	 */
	@BeforeEach
	void serviceIssuesTokens() throws InterruptedException {
		if (!issuing) {
			FirstWrite.await("issues tokens", Duration.ofSeconds(60), 200,
					() -> clientCredentials(ADMIN_ID, ADMIN_SECRET));
			issuing = true;
		}
	}

	@Test
	@Order(Integer.MAX_VALUE)
	void logsWhenTestsRanThenHoldNoSecretOrToken() throws IOException {
		String logs = Files.readString(Path.of(LOG_FILE));
		assertThat(logs).isNotEmpty();
		assertThat(SENSITIVE).isNotEmpty().allSatisfy((value) -> assertThat(logs).doesNotContain(value));
		assertThat(logs).doesNotContainIgnoringCase("generated security password");
	}

	// ---- token endpoint

	Response tokenRequest(String clientId, String secret, Map<String, String> form) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Authorization", basic(clientId, secret))
			.POST(HttpRequest.BodyPublishers.ofString(form(withSignIn(form))));
		return send(request, null);
	}

	/**
	 * A user-session grant as the gateway sends it after a real sign-in: unless the form
	 * names a sign-in itself, the sign-in behind its session is recorded as the read
	 * model would from Kafka's UserLoggedIn and UserChanged ({@code SignInIT}-style tests
	 * publish those events for real), and named as {@code login_event_id}.
	 */
	Map<String, String> withSignIn(Map<String, String> form) {
		if (!UserSessionIT.GRANT.equals(form.get("grant_type")) || form.containsKey("login_event_id")
				|| form.get("user_id") == null || form.get("session_id") == null) {
			return form;
		}
		UUID login = UUID.nameUUIDFromBytes((form.get("user_id") + "/" + form.get("session_id")).getBytes(UTF_8));
		this.signIns.announced(login, form.get("session_id"), Instant.now());
		this.signIns.answered(SignInAnswers.eventId(login, SignInAnswers.USER_CHANGED), form.get("user_id"),
				Instant.now());
		Map<String, String> signedIn = new LinkedHashMap<>(form);
		signedIn.put("login_event_id", login.toString());
		return signedIn;
	}

	Response clientCredentials(String clientId, String secret) {
		return tokenRequest(clientId, secret, Map.of("grant_type", "client_credentials"));
	}

	/** A token for the client; fails the test unless issued. */
	String token(String clientId, String secret) {
		Response response = clientCredentials(clientId, secret);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().get("access_token").asString();
	}

	String adminToken() {
		return token(ADMIN_ID, ADMIN_SECRET);
	}

	// ---- admin API

	record RegisteredClient(String clientId, String secret) {
	}

	RegisteredClient createClient(String kind, String... scopes) {
		String clientId = kind + "-" + UUID.randomUUID();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("clientId", clientId);
		body.put("name", "IT " + kind);
		body.put("kind", kind);
		body.put("scopes", Set.of(scopes));
		Response response = postJson("/api/admin/clients", adminToken(), body);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return new RegisteredClient(clientId, response.json().get("clientSecret").asString());
	}

	Response get(String path, String bearer) {
		return send(HttpRequest.newBuilder(uri(path)).GET(), bearer);
	}

	Response delete(String path, String bearer) {
		return send(HttpRequest.newBuilder(uri(path)).DELETE(), bearer);
	}

	Response postJson(String path, String bearer, Object body) {
		String text = (body instanceof String string) ? string : this.json.writeValueAsString(body);
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(text)), bearer);
	}

	// ---- plumbing

	/**
	 * A token of this service, verified against its JWK set as another service would (its
	 * {@code typ} is {@code at+jwt} or {@code user-session+jwt}).
	 */
	org.springframework.security.oauth2.jwt.Jwt decode(String token) {
		org.springframework.security.oauth2.jwt.NimbusJwtDecoder decoder = org.springframework.security.oauth2.jwt.NimbusJwtDecoder
			.withJwkSetUri(uri("/oauth2/jwks").toString())
			.jwsAlgorithm(org.springframework.security.oauth2.jose.jws.SignatureAlgorithm.ES256)
			.build();
		decoder.setJwtValidator(org.springframework.security.oauth2.jwt.JwtValidators.createDefaultWithValidators(
				new org.springframework.security.oauth2.jwt.JwtTypeValidator("at+jwt", "user-session+jwt")));
		return decoder.decode(token);
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	Response send(HttpRequest.Builder request, String bearer) {
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		try {
			HttpResponse<String> response = this.http.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
			Response result = new Response(response.statusCode(), response.headers(), response.body(), this.json);
			result.remember();
			return result;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static String basic(String clientId, String secret) {
		String pair = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
				+ URLEncoder.encode(secret, StandardCharsets.UTF_8);
		return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
	}

	static String form(Map<String, String> form) {
		return form.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	record Response(int status, HttpHeaders headers, String body, JsonMapper mapper) implements HttpAnswer {

		JsonNode json() {
			return this.mapper.readTree(this.body);
		}

		String contentType() {
			return this.headers.firstValue("Content-Type").orElse("");
		}

		/** Tokens and secrets in a response body must never show up in the logs. */
		void remember() {
			if (this.body == null || !this.body.startsWith("{")) {
				return;
			}
			JsonNode node = json();
			for (String field : new String[] { "access_token", "clientSecret" }) {
				if (node.hasNonNull(field)) {
					SENSITIVE.add(node.get(field).asString());
				}
			}
		}

	}

}
