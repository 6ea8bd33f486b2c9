package dev.lanyard.tokenbroker.service;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.lanyard.events.CredentialDenied;
import dev.lanyard.events.FederationTrust;
import dev.lanyard.events.IntegrationChanged;
import dev.lanyard.events.SubjectRule;
import dev.lanyard.events.TokenIssued;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.launcher.Infrastructure;
import dev.lanyard.tokenbroker.federation.TestFederation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Identity federation against the real service, Kafka and PostgreSQL: trust rules arrive
 * as IntegrationChanged, the issuer's keys are fetched from a JWKS endpoint on 127.0.0.1,
 * presented tokens are exchanged without client authentication, and every acceptance and
 * refusal is found on Kafka.
 */
class FederationIT extends ServiceTestSupport {

	private static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

	private static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";

	/**
	 * Each test its own issuer: two rules of one issuer accepting one token are
	 * ambiguous.
	 */
	private final String issuer = "https://idp-" + UUID.randomUUID() + ".example.com";

	private static final String CI_ISSUER = "https://ci-" + UUID.randomUUID() + ".example.com";

	private static final RSAKey FIRST = rsa("k1");

	private static final RSAKey ROTATED = rsa("k2");

	private static final AtomicReference<List<JWK>> published = new AtomicReference<>(List.of(FIRST));

	private static HttpServer jwks;

	@BeforeAll
	static void jwksEndpoint() throws IOException {
		jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		jwks.createContext("/jwks", (exchange) -> {
			byte[] body = new JWKSet(published.get()).toPublicJWKSet().toString().getBytes(StandardCharsets.UTF_8);
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

	@Test
	void jwtBearerWhenUsersIdTokenThenUserFederatedTokenOpeningConnectionsAndRecorded() {
		String userId = "u-" + UUID.randomUUID();
		String uniqueId = "idp-" + UUID.randomUUID();
		String integrationId = "fed-" + UUID.randomUUID();
		publishUser(userId, uniqueId, true);
		publishOidcRule(integrationId);
		Instant presentedExpiry = Instant.now().plusSeconds(120).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		Response response = UserSessionIT.eventually(
				() -> jwtBearer(token(FIRST, (t) -> t.claim("sub", uniqueId).claim("exp", presentedExpiry))),
				(r) -> r.status() == 200);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		String accessToken = response.json().get("access_token").asString();
		org.springframework.security.oauth2.jwt.Jwt jwt = decode(accessToken);
		assertThat(jwt.getHeaders()).containsEntry("typ", "at+jwt");
		assertThat(jwt.getSubject()).isEqualTo(userId);
		assertThat(jwt.getClaimAsString("lanyard_token_type")).isEqualTo("user-federated");
		assertThat(jwt.getClaims()).doesNotContainKey("may_act");
		assertThat(jwt.getId()).isNotBlank();
		assertThat(jwt.getExpiresAt()).isBeforeOrEqualTo(presentedExpiry);
		assertThat(get("/api/connections", accessToken).status()).isEqualTo(200);
		try (TopicEvents<TokenIssued> events = TopicEvents.tokenIssued(Infrastructure.shared())) {
			TokenIssued issued = events.awaitFor(userId, (list) -> !list.isEmpty(), Duration.ofSeconds(20)).getFirst();
			assertThat(issued.getTokenType()).isEqualTo("user-federated");
			assertThat(issued.getGrantType()).isEqualTo(JWT_BEARER);
			assertThat(issued.getIntegrationId()).isEqualTo(integrationId);
			assertThat(issued.getFederatedIssuer()).isEqualTo(this.issuer);
			assertThat(issued.getFederatedSubject()).isEqualTo(uniqueId);
			assertThat(issued.getActorId()).isNull();
			assertThat(issued.getTokenId()).isEqualTo(jwt.getId());
		}
	}

	@Test
	void jwtBearerWhenRefusedThenOAuthErrorAndCredentialDeniedNamingTheCheck() {
		String uniqueId = "idp-" + UUID.randomUUID();
		publishUser("u-" + UUID.randomUUID(), uniqueId, true);
		publishOidcRule("fed-" + UUID.randomUUID());
		assertThat(UserSessionIT
			.eventually(() -> jwtBearer(token(FIRST, (t) -> t.claim("sub", uniqueId))), (r) -> r.status() == 200)
			.status()).isEqualTo(200);
		Map<String, Response> refused = new LinkedHashMap<>();
		String replayed = token(FIRST, (t) -> t.claim("sub", uniqueId));
		jwtBearer(replayed);
		refused.put("jti-replayed", jwtBearer(replayed));
		// a client of its own as the actor: refusals before the signature verifies are
		// one kind per actor, and others of that kind within the window are summed up
		RegisteredClient actor = createClient("content");
		refused.put(
				"issuer-not-trusted", send(
						java.net.http.HttpRequest.newBuilder(uri("/oauth2/token"))
							.header("Content-Type", "application/x-www-form-urlencoded")
							.header("Authorization", basic(actor.clientId(), actor.secret()))
							.POST(java.net.http.HttpRequest.BodyPublishers
								.ofString(form(Map.of("grant_type", JWT_BEARER, "assertion",
										token(FIRST,
												(t) -> t.claim("sub", uniqueId).claim("iss", this.issuer + "/")))))),
						null));
		refused.put("audience-not-accepted",
				jwtBearer(token(FIRST, (t) -> t.claim("sub", uniqueId).claim("aud", List.of("someone-else")))));
		refused.put("token-expired",
				jwtBearer(token(FIRST, (t) -> t.claim("sub", uniqueId).claim("exp", Instant.now().minusSeconds(600)))));
		refused.put("unknown-key", jwtBearer(token(rsa("k9"), (t) -> t.claim("sub", uniqueId))));
		refused.put("unknown-user", jwtBearer(token(FIRST, (t) -> t.claim("sub", "nobody-" + uniqueId))));
		refused.forEach((reason, response) -> {
			assertThat(response.status()).as(reason + ": " + response.body()).isEqualTo(400);
			assertThat(response.json().get("error").asString()).as(reason).isEqualTo("invalid_grant");
			assertThat(response.body()).doesNotContain(replayed);
		});
		try (TopicEvents<CredentialDenied> denials = TopicEvents.credentialDenied(Infrastructure.shared())) {
			List<CredentialDenied> recorded = denials.awaitFor(uniqueId, (list) -> list.size() >= 3,
					Duration.ofSeconds(20));
			assertThat(recorded).extracting(CredentialDenied::getReason)
				.contains("jti-replayed", "audience-not-accepted", "token-expired");
			assertThat(recorded).allSatisfy((denial) -> {
				assertThat(denial.getSubjectType()).isEqualTo("federated");
				assertThat(denial.getFederatedSubject()).isEqualTo(uniqueId);
				assertThat(denial.getGrantType()).isEqualTo(JWT_BEARER);
			});
			// before the signature verifies, the presented sub names nobody: subject
			// unknown, the presented values kept as such
			List<CredentialDenied> unverified = denials.awaitFor("unknown",
					(list) -> list.stream()
						.filter((d) -> uniqueId.equals(d.getFederatedSubject()))
						.map(CredentialDenied::getReason)
						.toList()
						.containsAll(List.of("issuer-not-trusted", "unknown-key")),
					Duration.ofSeconds(20));
			assertThat(unverified).filteredOn((d) -> uniqueId.equals(d.getFederatedSubject()))
				.extracting(CredentialDenied::getReason)
				.contains("issuer-not-trusted", "unknown-key");
			assertThat(unverified)
				.filteredOn(
						(d) -> uniqueId.equals(d.getFederatedSubject()) && d.getReason().equals("issuer-not-trusted"))
				.anySatisfy((d) -> assertThat(d.getFederatedIssuer()).isEqualTo(this.issuer + "/"));
		}
	}

	@Test
	void jwtBearerWhenIssuerRotatedItsKeyThenNewKidFetchedAndAccepted() throws InterruptedException {
		String uniqueId = "idp-" + UUID.randomUUID();
		publishUser("u-" + UUID.randomUUID(), uniqueId, true);
		publishOidcRule("fed-" + UUID.randomUUID());
		assertThat(UserSessionIT
			.eventually(() -> jwtBearer(token(FIRST, (t) -> t.claim("sub", uniqueId))), (r) -> r.status() == 200)
			.status()).isEqualTo(200);
		published.set(List.of(FIRST, ROTATED));
		// past the refresh interval the service is configured with in these tests
		Thread.sleep(1500);
		Response response = jwtBearer(token(ROTATED, (t) -> t.claim("sub", uniqueId)));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	@Test
	void requestsWhenMalformedOrUnsignedThenInvalidRequestAndInvalidGrant() {
		Response malformed = jwtBearer("not-a-jwt");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.json().get("error").asString()).isEqualTo("invalid_request");
		String unsigned = new com.nimbusds.jwt.PlainJWT(
				new com.nimbusds.jwt.JWTClaimsSet.Builder().issuer(this.issuer).subject("x").build())
			.serialize();
		Response none = jwtBearer(unsigned);
		assertThat(none.status()).isEqualTo(400);
		assertThat(none.json().get("error").asString()).isEqualTo("invalid_grant");
	}

	@Test
	void clientCredentialsWhenNoClientCredentialsThenStillInvalidClient() {
		Response response = send(java.net.http.HttpRequest.newBuilder(uri("/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")), null);
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.json().get("error").asString()).isEqualTo("invalid_client");
		Response exchange = send(java.net.http.HttpRequest.newBuilder(uri("/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(java.net.http.HttpRequest.BodyPublishers
				.ofString(form(Map.of("grant_type", TOKEN_EXCHANGE, "subject_token", "x", "subject_token_type",
						"urn:lanyard:params:oauth:token-type:content-session", "audience", "i-1")))),
				null);
		assertThat(exchange.status()).isEqualTo(401);
		assertThat(exchange.json().get("error").asString()).isEqualTo("invalid_client");
	}

	@Test
	void tokenExchangeWhenWorkloadTokenMeetsTheRuleThenContentSessionOfTheMappedContent() {
		RegisteredClient content = createClient("content", "read");
		RegisteredClient caller = createClient("content");
		String integrationId = "fed-" + UUID.randomUUID();
		String subject = "repo:acme/app:ref:refs/heads/main:" + UUID.randomUUID();
		PublishedEvents.publish(Topics.INTEGRATION_CHANGED.name(), integrationId,
				rule(integrationId, "workload-federation", CI_ISSUER,
						(r) -> r.setContentId(content.clientId())
							.setRequiredClaims(Map.of("repository", "acme/app"))
							.setSubjectRules(List.of(SubjectRule.newBuilder()
								.setType("expression")
								.setValue("['ref'] == 'refs/heads/main'")
								.build())))
					.build());
		Supplier<String> workload = () -> token(FIRST,
				(t) -> t.claim("iss", CI_ISSUER)
					.claim("sub", subject)
					.claim("repository", "acme/app")
					.claim("ref", "refs/heads/main"));
		Response response = UserSessionIT.eventually(() -> tokenExchange(workload.get(), caller),
				(r) -> r.status() == 200);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().get("issued_token_type").asString())
			.isEqualTo("urn:ietf:params:oauth:token-type:access_token");
		org.springframework.security.oauth2.jwt.Jwt jwt = decode(response.json().get("access_token").asString());
		org.springframework.security.oauth2.jwt.Jwt own = decode(token(content.clientId(), content.secret()));
		assertThat(jwt.getSubject()).isEqualTo(content.clientId());
		assertThat(jwt.getClaims().keySet()).isEqualTo(own.getClaims().keySet());
		assertThat(jwt.getClaimAsString("lanyard_token_type")).isEqualTo("content-session");
		assertThat(jwt.getAudience()).isEqualTo(own.getAudience());
		assertThat(jwt.getClaimAsStringList("roles")).isEqualTo(own.getClaimAsStringList("roles"));
		Response otherRef = tokenExchange(token(FIRST,
				(t) -> t.claim("iss", CI_ISSUER)
					.claim("sub", subject)
					.claim("repository", "acme/app")
					.claim("ref", "refs/heads/feature")),
				caller);
		assertThat(otherRef.status()).isEqualTo(400);
		assertThat(otherRef.json().get("error").asString()).isEqualTo("invalid_grant");
		try (TopicEvents<TokenIssued> events = TopicEvents.tokenIssued(Infrastructure.shared());
				TopicEvents<CredentialDenied> denials = TopicEvents.credentialDenied(Infrastructure.shared())) {
			assertThat(events.awaitFor(content.clientId(),
					(list) -> list.stream().anyMatch((e) -> integrationId.equals(e.getIntegrationId())),
					Duration.ofSeconds(20)))
				.filteredOn((e) -> integrationId.equals(e.getIntegrationId()))
				.singleElement()
				.satisfies((issued) -> {
					assertThat(issued.getTokenType()).isEqualTo("content-session");
					assertThat(issued.getGrantType()).isEqualTo(TOKEN_EXCHANGE);
					assertThat(issued.getActorId()).isEqualTo(caller.clientId());
					assertThat(issued.getFederatedSubject()).isEqualTo(subject);
				});
			assertThat(denials.awaitFor(subject, (list) -> !list.isEmpty(), Duration.ofSeconds(20)))
				.extracting(CredentialDenied::getReason)
				.contains("subject-rule-not-met");
		}
	}

	@Test
	void jwtBearerWhenRuleCreatesUsersThenUnknownPersonCreatedJustInTimeElseRefusedAndRecorded() {
		String integrationId = "fed-" + UUID.randomUUID();
		PublishedEvents.publish(Topics.INTEGRATION_CHANGED.name(), integrationId,
				rule(integrationId, "oidc-federation", this.issuer, (r) -> r.setCreateUsers(true)).build());
		String uniqueId = "idp-" + UUID.randomUUID();

		Response created = UserSessionIT.eventually(() -> jwtBearer(token(FIRST, (t) -> t.claim("sub", uniqueId))),
				(r) -> r.status() == 200);

		assertThat(created.status()).as(created.body()).isEqualTo(200);
		org.springframework.security.oauth2.jwt.Jwt jwt = decode(created.json().get("access_token").asString());
		assertThat(jwt.getSubject()).isEqualTo("u-jit-" + uniqueId);
		assertThat(jwt.getClaimAsString("lanyard_token_type")).isEqualTo("user-federated");
		String internal = ExternalServices.provisioningAuthorizations.getLast().substring("Bearer ".length());
		assertThat(decode(internal).getAudience()).containsExactly("user-provisioning");
		assertThat(decode(internal).getClaimAsString("lanyard_token_type")).isEqualTo("internal-service");

		String refusedId = "refused-" + UUID.randomUUID();
		Response refused = jwtBearer(token(FIRST, (t) -> t.claim("sub", refusedId)));
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.json().get("error").asString()).isEqualTo("invalid_grant");

		String downId = "down-" + UUID.randomUUID();
		Response down = jwtBearer(token(FIRST, (t) -> t.claim("sub", downId)));
		assertThat(down.status()).as(down.body()).isEqualTo(503);
		assertThat(down.json().get("error").asString()).isEqualTo("temporarily_unavailable");
		assertThat(down.json().has("access_token")).isFalse();

		try (TopicEvents<TokenIssued> events = TopicEvents.tokenIssued(Infrastructure.shared());
				TopicEvents<CredentialDenied> denials = TopicEvents.credentialDenied(Infrastructure.shared())) {
			assertThat(events.awaitFor("u-jit-" + uniqueId, (list) -> !list.isEmpty(), Duration.ofSeconds(20)))
				.singleElement()
				.satisfies((issued) -> {
					assertThat(issued.getTokenType()).isEqualTo("user-federated");
					assertThat(issued.getIntegrationId()).isEqualTo(integrationId);
					assertThat(issued.getFederatedSubject()).isEqualTo(uniqueId);
				});
			assertThat(denials.awaitFor(refusedId, (list) -> !list.isEmpty(), Duration.ofSeconds(20)))
				.extracting(CredentialDenied::getReason)
				.containsExactly("user-not-admitted");
			assertThat(denials.awaitFor(downId, (list) -> !list.isEmpty(), Duration.ofSeconds(20)))
				.extracting(CredentialDenied::getReason)
				.containsExactly("user-provisioning-unavailable");
		}
	}

	private Response jwtBearer(String assertion) {
		return send(java.net.http.HttpRequest.newBuilder(uri("/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(java.net.http.HttpRequest.BodyPublishers
				.ofString(form(Map.of("grant_type", JWT_BEARER, "assertion", assertion)))), null);
	}

	private Response tokenExchange(String subjectToken, RegisteredClient client) {
		return send(java.net.http.HttpRequest.newBuilder(uri("/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Authorization", basic(client.clientId(), client.secret()))
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", TOKEN_EXCHANGE,
					"subject_token", subjectToken, "subject_token_type", "urn:ietf:params:oauth:token-type:jwt")))),
				null);
	}

	private String token(RSAKey key, UnaryOperator<TestFederation.Token> change) {
		return TestFederation.token((t) -> {
			t.key = key;
			t.kid = key.getKeyID();
			t.claim("iss", this.issuer).claim("iat", Instant.now()).claim("exp", Instant.now().plusSeconds(300));
			return change.apply(t);
		});
	}

	private static void publishUser(String userId, String uniqueId, boolean active) {
		PublishedEvents.publish(Topics.USER_CHANGED.name(), userId,
				dev.lanyard.events.UserChanged
					.newBuilder(PublishedEvents.user(userId, 1, "viewer", false, active, Set.of()))
					.setUniqueId(uniqueId)
					.build());
	}

	private void publishOidcRule(String integrationId) {
		PublishedEvents.publish(Topics.INTEGRATION_CHANGED.name(), integrationId,
				rule(integrationId, "oidc-federation", this.issuer, (r) -> r).build());
	}

	private static IntegrationChanged.Builder rule(String integrationId, String kind, String issuer,
			UnaryOperator<FederationTrust.Builder> change) {
		FederationTrust.Builder trust = FederationTrust.newBuilder()
			.setIssuer(issuer)
			.setJwksUri("http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks")
			.setAudiences(List.of(TestFederation.AUDIENCE))
			.setAlgorithms(List.of("RS256", "ES256"))
			.setMaxTokenAgeSeconds(300)
			.setClockSkewSeconds(30);
		return IntegrationChanged.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOccurredAt(Instant.now())
			.setCorrelationId("it")
			.setProducer("integration-registry")
			.setIntegrationId(integrationId)
			.setName("IT " + integrationId)
			.setTemplate("generic-oidc")
			.setKind(kind)
			.setTokenEndpoint(issuer)
			.setClientId("")
			.setSecretVersion(0)
			.setScopes(List.of())
			.setContentIds(List.of())
			.setFederation(change.apply(trust).build());
	}

	private static RSAKey rsa(String kid) {
		try {
			return new RSAKeyGenerator(2048).keyID(kid).generate();
		}
		catch (com.nimbusds.jose.JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
