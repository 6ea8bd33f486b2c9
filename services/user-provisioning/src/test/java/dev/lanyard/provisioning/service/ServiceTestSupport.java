package dev.lanyard.provisioning.service;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.lanyard.events.UserLoggedIn;
import dev.lanyard.launcher.Infrastructure;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.testing.infrastructure.ServiceUnderTest;
import dev.lanyard.testing.infrastructure.SharedInfrastructure;
import dev.lanyard.testing.jwt.TestJwks;
import dev.lanyard.testing.kafka.TestKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service against real Kafka, Apicurio Registry and PostgreSQL from
 * {@link Infrastructure#shared()}, one Spring context for every service test. Admins'
 * JWTs are signed with a key {@link TestJwks} serves from 127.0.0.1.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ServiceTestSupport extends ServiceUnderTest {

	static final Duration EVENTUALLY = Duration.ofSeconds(60);

	static final Duration ACK_TIMEOUT = Duration.ofSeconds(2);

	static final String ISSUER = "https://idp.example.com";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	static TestJwks jwks;

	static TestKafka kafka;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure infrastructure = SharedInfrastructure.register(registry, "user_provisioning");
		if (jwks == null) {
			jwks = new TestJwks("user-provisioning");
			kafka = new TestKafka(infrastructure.kafkaBootstrapServers(), infrastructure.registryUrl(),
					Topics.USER_CHANGED.name(), Topics.GROUP_MEMBERSHIP_CHANGED.name(),
					Topics.USER_LOGIN_REFUSED.name(), Topics.USER_DEACTIVATED.name(),
					Topics.SCIM_CLIENT_CHANGED.name());
		}
		registry.add("lanyard.provisioning.issuer", () -> TestJwks.ISSUER);
		registry.add("lanyard.provisioning.jwk-set-uri", jwks::jwkSetUri);
		registry.add("lanyard.provisioning.events.ack-timeout", ACK_TIMEOUT::toString);
		// SCIM users bind to the test provider's sign-ins by externalId (the default)
		registry.add("lanyard.provisioning.scim.sign-in-issuer", () -> ISSUER);
	}

	static String adminToken() {
		return jwks.token("admin-client", "administrator");
	}

	/** A sign-in as the gateway publishes it: every profile field claimed. */
	static UserLoggedIn.Builder login(String uniqueId, String username, List<String> groups) {
		return UserLoggedIn.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOccurredAt(Instant.now())
			.setCorrelationId("corr-" + UUID.randomUUID())
			.setProducer("auth-gateway")
			.setActorId(null)
			.setProvider("okta")
			.setIssuer(ISSUER)
			.setUniqueId(uniqueId)
			.setUsername(username)
			.setEmail((username != null) ? username + "@example.com" : null)
			.setFirstName("Ada")
			.setLastName("Lovelace")
			.setGroups(groups)
			.setRoleClaim(null)
			.setSessionId("session-" + UUID.randomUUID())
			.setClaimedFields(null)
			.setRegisterOnFirstLogin(null);
	}

	static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	Response call(String method, String path, String token, String body, String correlationId) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(20))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (correlationId != null) {
			request.header("X-Correlation-Id", correlationId);
		}
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(),
					response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("WWW-Authenticate").orElse(null));
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	Response admin(String method, String path, String body) {
		return call(method, path, adminToken(), body, null);
	}

	/** An HTTP answer. */
	record Response(int status, String body, String contentType, String wwwAuthenticate) {

		JsonNode json() {
			return ServiceTestSupport.json.readTree(this.body);
		}

	}

}
