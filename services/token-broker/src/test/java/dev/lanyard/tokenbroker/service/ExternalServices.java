package dev.lanyard.tokenbroker.service;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import java.util.Set;

import dev.lanyard.events.UserChanged;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.testing.http.StubResponses;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * What token-broker calls out to in the service tests, started once per JVM:
 * mock-oauth2-server as the external OAuth service, and a small HTTP server standing in
 * for integration-registry's internal client-secret endpoint and user-provisioning's
 * just-in-time federated users (unique id {@code refused-…}: 422 {@code no-access-group};
 * {@code down-…}: 503; else the user {@code u-jit-<unique id>} is published as
 * UserChanged on Kafka, as user-provisioning would, and answered 201).
 */
final class ExternalServices {

	static final String ISSUER_ID = "external";

	private static MockOAuth2Server oauth;

	private static HttpServer registry;

	/** The Authorization header of every request the registry stand-in got. */
	static final List<String> registryAuthorizations = new CopyOnWriteArrayList<>();

	static final AtomicInteger secretRequests = new AtomicInteger();

	/** The Authorization header of every request the user-provisioning stand-in got. */
	static final List<String> provisioningAuthorizations = new CopyOnWriteArrayList<>();

	private static final JsonMapper json = JsonMapper.builder().build();

	private ExternalServices() {
	}

	static synchronized String externalTokenEndpoint() {
		return server().tokenEndpointUrl(ISSUER_ID).toString();
	}

	static synchronized String externalAuthorizationEndpoint() {
		return server().authorizationEndpointUrl(ISSUER_ID).toString();
	}

	/** The external OAuth service, started on first use. */
	static synchronized MockOAuth2Server server() {
		if (oauth == null) {
			oauth = new MockOAuth2Server();
			try {
				oauth.start(InetAddress.getLoopbackAddress(), 0);
			}
			catch (RuntimeException ex) {
				throw new IllegalStateException("mock-oauth2-server did not start", ex);
			}
		}
		return oauth;
	}

	/** The secret the registry stand-in hands out for an integration. */
	static String secretOf(String integrationId) {
		return "secret-of-" + integrationId + "-" + Integer.toHexString(integrationId.hashCode() * 31 + 17) + "-7f3a9c";
	}

	static synchronized String registryUrl() {
		if (registry == null) {
			try {
				registry = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			registry.createContext("/internal/integrations/", ExternalServices::clientSecret);
			registry.createContext("/internal/federated-users", ExternalServices::federatedUser);
			registry.start();
		}
		return "http://127.0.0.1:" + registry.getAddress().getPort();
	}

	private static void clientSecret(HttpExchange exchange) throws IOException {
		secretRequests.incrementAndGet();
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		String[] path = exchange.getRequestURI().getPath().split("/");
		// /internal/integrations/{id}/client-secret
		if (authorization == null || !authorization.startsWith("Bearer ") || path.length != 5
				|| !"client-secret".equals(path[4])) {
			StubResponses.json(exchange, 401, "{}");
			return;
		}
		registryAuthorizations.add(authorization);
		String id = path[3];
		if (id.startsWith("nosecret")) {
			StubResponses.json(exchange, 404, "{}");
			return;
		}
		String secret = secretOf(id);
		ServiceTestSupport.SENSITIVE.add(secret);
		ServiceTestSupport.SENSITIVE.add(authorization.substring("Bearer ".length()));
		StubResponses.json(exchange, 200,
				"{\"integrationId\":\"" + id + "\",\"secretVersion\":1,\"clientSecret\":\"" + secret + "\"}");
	}

	private static void federatedUser(HttpExchange exchange) throws IOException {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		if (authorization == null || !authorization.startsWith("Bearer ")) {
			StubResponses.json(exchange, 401, "{}");
			return;
		}
		provisioningAuthorizations.add(authorization);
		ServiceTestSupport.SENSITIVE.add(authorization.substring("Bearer ".length()));
		JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
		String uniqueId = body.get("uniqueId").asString();
		if (uniqueId.startsWith("refused-")) {
			StubResponses.json(exchange, 422, "{\"title\":\"Not admitted\",\"reason\":\"no-access-group\"}");
			return;
		}
		if (uniqueId.startsWith("down-")) {
			StubResponses.json(exchange, 503, "{}");
			return;
		}
		String userId = "u-jit-" + uniqueId;
		PublishedEvents.publish(Topics.USER_CHANGED.name(), userId,
				UserChanged.newBuilder(PublishedEvents.user(userId, 1, "viewer", false, true, Set.of()))
					.setUniqueId(uniqueId)
					.setActorId("token-broker")
					.setCorrelationId(exchange.getRequestHeaders().getFirst("X-Correlation-Id"))
					.build());
		StubResponses.json(exchange, 201, "{\"userId\":\"" + userId + "\",\"version\":1,\"created\":true}");
	}

}
