package dev.lanyard.tokenbroker.service;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.lanyard.events.FederationTrust;
import dev.lanyard.events.IntegrationChanged;
import dev.lanyard.events.TokenIssued;
import dev.lanyard.launcher.Infrastructure;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.tokenbroker.federation.TestFederation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The unauthenticated federation grants from an attacker's side, against the real
 * service: credentials that do not authenticate never fall back to the public client, a
 * federated user's token opens nothing but what it is for, odd parameters are refused
 * without echoing anything, and refusals are throttled per caller.
 */
class FederationAttacksIT extends ServiceTestSupport {

	private static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

	private static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";

	private static final String CLIENT_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

	private static HttpServer jwks;

	private final String issuer = "https://idp-" + UUID.randomUUID() + ".example.com";

	private final String uniqueId = "idp-" + UUID.randomUUID();

	private final String userId = "u-" + UUID.randomUUID();

	@BeforeAll
	static void jwksEndpoint() throws IOException {
		jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		jwks.createContext("/jwks", (exchange) -> {
			byte[] body = new JWKSet(TestFederation.RSA).toPublicJWKSet().toString().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		jwks.start();
	}

	@AfterAll
	static void stopJwksEndpoint() {
		jwks.stop(0);
	}

	/** A user and a rule matching them, live once a plain request is granted. */
	@BeforeEach
	void userAndRule() {
		PublishedEvents.publish(Topics.USER_CHANGED.name(), this.userId,
				dev.lanyard.events.UserChanged
					.newBuilder(PublishedEvents.user(this.userId, 1, "administrator", false, true, Set.of()))
					.setUniqueId(this.uniqueId)
					.build());
		String integrationId = "fed-" + UUID.randomUUID();
		PublishedEvents.publish(Topics.INTEGRATION_CHANGED.name(), integrationId, rule(integrationId));
		assertThat(UserSessionIT
			.eventually(() -> federation(Map.of("grant_type", JWT_BEARER, "assertion", idToken()), null, null),
					(r) -> r.status() == 200)
			.status()).isEqualTo(200);
	}

	/**
	 * Credentials that fail must fail the request, even though the same request without
	 * any would be granted: a caller cannot shed a locked-out or wrong identity by
	 * falling back to the built-in public client. Naming a confidential client without
	 * authenticating as it is no different.
	 */
	@Test
	void jwtBearerWhenCredentialsDoNotAuthenticateThenInvalidClientNotThePublicClient() {
		RegisteredClient other = createClient("content");
		Map<String, Response> refused = new java.util.LinkedHashMap<>();
		refused.put("wrong basic secret", federation(Map.of("grant_type", JWT_BEARER, "assertion", idToken()),
				basic(other.clientId(), "wrong"), null));
		refused.put("wrong form secret", federation(Map.of("grant_type", JWT_BEARER, "assertion", idToken(),
				"client_id", other.clientId(), "client_secret", "wrong"), null, null));
		refused.put("client id only", federation(
				Map.of("grant_type", JWT_BEARER, "assertion", idToken(), "client_id", other.clientId()), null, null));
		String presented = idToken();
		refused.put("client assertion",
				federation(
						Map.of("grant_type", JWT_BEARER, "assertion", presented, "client_id", other.clientId(),
								"client_assertion_type", CLIENT_ASSERTION_TYPE, "client_assertion", presented),
						null, null));
		refused.put("bearer header", federation(Map.of("grant_type", JWT_BEARER, "assertion", idToken()),
				"Bearer " + token(other.clientId(), other.secret()), null));
		refused.forEach((what, response) -> {
			assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(401);
			assertThat(response.json().get("error").asString()).as(what).isEqualTo("invalid_client");
			assertThat(response.body()).as(what).doesNotContain("access_token").doesNotContain(presented);
		});
		Response authenticated = federation(Map.of("grant_type", JWT_BEARER, "assertion", idToken()),
				basic(other.clientId(), other.secret()), null);
		assertThat(authenticated.status()).as(authenticated.body()).isEqualTo(200);
		String tokenId = decode(authenticated.json().get("access_token").asString()).getId();
		try (TopicEvents<TokenIssued> events = TopicEvents.tokenIssued(Infrastructure.shared())) {
			assertThat(events.awaitFor(this.userId,
					(list) -> list.stream().anyMatch((e) -> tokenId.equals(e.getTokenId())), Duration.ofSeconds(20)))
				.filteredOn((e) -> tokenId.equals(e.getTokenId()))
				.singleElement()
				.satisfies((e) -> assertThat(e.getActorId()).isEqualTo(other.clientId()));
		}
	}

	/**
	 * A federated user's token (here an administrator's) is for Lanyard's own connections
	 * API: not a subject or actor token, not for the admin API, not re-federated, and
	 * introspected only by what it concerns.
	 */
	@Test
	void userFederatedTokenWhenPresentedAnywhereElseThenRefused() {
		String federated = federation(Map.of("grant_type", JWT_BEARER, "assertion", idToken()), null, null).json()
			.get("access_token")
			.asString();
		RegisteredClient content = createClient("content");
		Response asSubject = federation(
				Map.of("grant_type", TOKEN_EXCHANGE, "subject_token", federated, "subject_token_type",
						"urn:lanyard:params:oauth:token-type:user-session", "audience", "i-1"),
				basic(content.clientId(), content.secret()), null);
		assertThat(asSubject.status()).as(asSubject.body()).isEqualTo(400);
		assertThat(asSubject.json().get("error").asString()).isEqualTo("invalid_grant");
		Response asActor = federation(
				Map.of("grant_type", TOKEN_EXCHANGE, "subject_token", federated, "subject_token_type",
						"urn:lanyard:params:oauth:token-type:user-session", "actor_token", federated,
						"actor_token_type", "urn:lanyard:params:oauth:token-type:content-session", "audience", "i-1"),
				basic(content.clientId(), content.secret()), null);
		assertThat(asActor.status()).as(asActor.body()).isEqualTo(400);
		Response refederated = federation(Map.of("grant_type", JWT_BEARER, "assertion", federated), null, null);
		assertThat(refederated.status()).isEqualTo(400);
		assertThat(refederated.json().get("error").asString()).isEqualTo("invalid_grant");
		assertThat(get("/api/admin/clients", federated).status()).isEqualTo(403);
		assertThat(get("/api/admin/signing-keys", federated).status()).isEqualTo(403);
		Response introspected = send(HttpRequest.newBuilder(uri("/oauth2/introspect"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Authorization", basic(content.clientId(), content.secret()))
			.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("token", federated)))), null);
		assertThat(introspected.status()).isEqualTo(200);
		assertThat(introspected.json().get("active").asBoolean()).isFalse();
		assertThat(introspected.json().has("sub")).isFalse();
		for (Response response : List.of(asSubject, asActor, refederated)) {
			assertThat(response.body()).doesNotContain(federated);
		}
	}

	@Test
	void jwtBearerWhenParametersDuplicatedOrOversizedThenInvalidRequestEchoingNothing() {
		String presented = idToken();
		String form = "grant_type=" + JWT_BEARER + "&assertion=" + presented + "&assertion=" + idToken();
		Response duplicated = send(HttpRequest.newBuilder(uri("/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)), null);
		Response grantTwice = send(
				HttpRequest.newBuilder(uri("/oauth2/token"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(
							"grant_type=" + JWT_BEARER + "&grant_type=client_credentials&assertion=" + presented)),
				null);
		String oversized = presented + "x".repeat(20_000);
		Response tooLarge = federation(Map.of("grant_type", JWT_BEARER, "assertion", oversized), null, null);
		for (Response response : List.of(duplicated, grantTwice, tooLarge)) {
			assertThat(response.status()).as(response.body()).isEqualTo(400);
			assertThat(response.json().get("error").asString()).isEqualTo("invalid_request");
			assertThat(response.body()).doesNotContain(presented).doesNotContain("access_token");
		}
	}

	/**
	 * Token request parameters belong in the body (RFC 6749 section 3.2): one in the
	 * query string ends up in every log of the URL, and a grant_type there and another in
	 * the body would let the filters and the grant read different requests.
	 */
	@Test
	void tokenRequestWhenParametersInTheQueryStringThenRefusedWithoutToken() {
		String presented = idToken();
		Response assertionInQuery = send(HttpRequest.newBuilder(uri("/oauth2/token?assertion=" + presented))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=" + JWT_BEARER)), null);
		Response federationInQuery = send(
				HttpRequest.newBuilder(uri("/oauth2/token?grant_type=" + JWT_BEARER))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&assertion=" + idToken())),
				null);
		Response otherInQuery = send(
				HttpRequest.newBuilder(uri("/oauth2/token?grant_type=client_credentials"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("grant_type=" + JWT_BEARER + "&assertion=" + idToken())),
				null);
		for (Response response : List.of(assertionInQuery, federationInQuery, otherInQuery)) {
			assertThat(response.status()).as(response.body()).isBetween(400, 401);
			assertThat(response.body()).doesNotContain("access_token").doesNotContain(presented);
		}
		assertThat(assertionInQuery.json().get("error").asString()).isEqualTo("invalid_request");
	}

	/**
	 * The default budget (100 refused federation requests a minute per caller) spent by
	 * one caller behind the gateway: that caller waits, even with a valid assertion;
	 * another caller does not.
	 */
	@Test
	void jwtBearerWhenOneCallerRefusedTooOftenThenOnlyThatCallerWaits() {
		for (int attempt = 0; attempt < 100; attempt++) {
			Response refused = federation(Map.of("grant_type", JWT_BEARER, "assertion", "not-a-jwt-" + attempt), null,
					"203.0.113.50");
			assertThat(refused.status()).isEqualTo(400);
		}
		Response throttled = federation(Map.of("grant_type", JWT_BEARER, "assertion", idToken()), null, "203.0.113.50");
		assertThat(throttled.status()).isEqualTo(429);
		assertThat(throttled.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
		assertThat(throttled.json().get("error").asString()).isEqualTo("temporarily_unavailable");
		assertThat(federation(Map.of("grant_type", JWT_BEARER, "assertion", idToken()), null, "198.51.100.50").status())
			.isEqualTo(200);
	}

	private Response federation(Map<String, String> parameters, String authorization, String callerAddress) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(parameters)));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		if (callerAddress != null) {
			request.header("X-Lanyard-Client-Address", callerAddress);
		}
		return send(request, null);
	}

	/** A fresh ID token of the user (a new jti each). */
	private String idToken() {
		String token = TestFederation.token((t) -> t.claim("iss", this.issuer)
			.claim("sub", this.uniqueId)
			.claim("iat", Instant.now())
			.claim("exp", Instant.now().plusSeconds(300)));
		SENSITIVE.add(token);
		return token;
	}

	private IntegrationChanged rule(String integrationId) {
		return IntegrationChanged.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOccurredAt(Instant.now())
			.setCorrelationId("it")
			.setProducer("integration-registry")
			.setIntegrationId(integrationId)
			.setName("IT " + integrationId)
			.setTemplate("generic-oidc")
			.setKind("oidc-federation")
			.setTokenEndpoint(this.issuer)
			.setClientId("")
			.setSecretVersion(0)
			.setScopes(List.of())
			.setContentIds(List.of())
			.setFederation(FederationTrust.newBuilder()
				.setIssuer(this.issuer)
				.setJwksUri("http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks")
				.setAudiences(List.of(TestFederation.AUDIENCE))
				.setAlgorithms(List.of("RS256"))
				.setMaxTokenAgeSeconds(300)
				.setClockSkewSeconds(30)
				.build())
			.build();
	}

}
