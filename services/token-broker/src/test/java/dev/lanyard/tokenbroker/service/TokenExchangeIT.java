package dev.lanyard.tokenbroker.service;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.lanyard.events.CredentialDenied;
import dev.lanyard.events.TokenIssued;
import dev.lanyard.launcher.Infrastructure;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.testing.monitoring.MonitoredMetrics;
import dev.lanyard.tokenbroker.issuance.domain.TokenDigest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 8693 token exchange of content session tokens for service-account credentials, with
 * mock-oauth2-server as the external service and a stand-in for integration-registry's
 * secret endpoint.
 */
class TokenExchangeIT extends ServiceTestSupport {

	static final String GRANT = "urn:ietf:params:oauth:grant-type:token-exchange";

	static final String CONTENT_SESSION = "urn:lanyard:params:oauth:token-type:content-session";

	@Autowired
	JwtEncoder jwtEncoder;

	@Test
	@Order(1)
	void exchangeWhenAssociatedThenExternalTokenAndAcknowledgedEvents() throws Exception {
		RegisteredClient content = createClient("content");
		String integrationId = "sa-" + UUID.randomUUID();
		publishServiceAccount(integrationId, Set.of(content.clientId()), "read", "write");
		String subject = token(content.clientId(), content.secret());
		// other IT classes in this JVM may have fetched secrets already
		int fetchedBefore = ExternalServices.registryAuthorizations.size();

		Response first = awaitIntegration(() -> exchange(content, subject, integrationId, "read"));
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		JsonNode body = first.json();
		assertThat(body.get("issued_token_type").asString()).isEqualTo("urn:ietf:params:oauth:token-type:access_token");
		assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
		assertThat(body.get("expires_in").asLong()).isPositive();
		assertThat(body.get("scope").asString()).isEqualTo("read");
		String external = body.get("access_token").asString();
		assertThat(SignedJWT.parse(external).getJWTClaimsSet().getIssuer()).endsWith("/" + ExternalServices.ISSUER_ID);
		assertThat(first.body()).doesNotContain(ExternalServices.secretOf(integrationId));

		// a cache hit is a hand-out of its own
		Response second = exchange(content, subject, integrationId, "read");
		assertThat(second.status()).as(second.body()).isEqualTo(200);
		assertThat(second.json().get("access_token").asString()).isEqualTo(external);
		assertThat(ExternalServices.registryAuthorizations).hasSize(fetchedBefore + 1);

		try (TopicEvents<TokenIssued> events = TopicEvents.tokenIssued(Infrastructure.shared())) {
			List<TokenIssued> issued = events.awaitFor(content.clientId(),
					(list) -> list.stream().filter((e) -> "external-access".equals(e.getTokenType())).count() == 2,
					Duration.ofSeconds(20));
			List<TokenIssued> handOuts = issued.stream()
				.filter((e) -> "external-access".equals(e.getTokenType()))
				.toList();
			assertThat(handOuts).hasSize(2).allSatisfy((event) -> {
				assertThat(event.getTokenSha256()).isEqualTo(TokenDigest.sha256Hex(external));
				assertThat(event.getSubjectId()).isEqualTo(content.clientId());
				assertThat(event.getSubjectType()).isEqualTo("content");
				assertThat(event.getContentId()).isEqualTo(content.clientId());
				assertThat(event.getIntegrationId()).isEqualTo(integrationId);
				assertThat(event.getScopes()).containsExactly("read");
				assertThat(event.getAudience()).containsExactly(integrationId);
				assertThat(event.getGrantType()).isEqualTo(GRANT);
				assertThat(event.getActorId()).isEqualTo(content.clientId());
			});
			assertThat(handOuts.get(0).getTokenId()).isNotEqualTo(handOuts.get(1).getTokenId());

			// the bearer presented to integration-registry: signed by us, recorded first
			String bearer = ExternalServices.registryAuthorizations.get(fetchedBefore).substring("Bearer ".length());
			Jwt internal = decode(bearer);
			assertThat(internal.getSubject()).isEqualTo("token-broker");
			assertThat(internal.getAudience()).containsExactly("integration-registry");
			assertThat(internal.getClaimAsStringList("roles")).containsExactly("token-broker");
			assertThat(Duration.between(internal.getIssuedAt(), internal.getExpiresAt()))
				.isEqualTo(Duration.ofSeconds(60));
			List<TokenIssued> internalIssued = events.awaitFor("token-broker",
					(list) -> list.stream().anyMatch((e) -> TokenDigest.sha256Hex(bearer).equals(e.getTokenSha256())),
					Duration.ofSeconds(20));
			assertThat(internalIssued).anySatisfy((event) -> {
				assertThat(event.getTokenSha256()).isEqualTo(TokenDigest.sha256Hex(bearer));
				assertThat(event.getTokenType()).isEqualTo("internal-service");
			});
		}
	}

	@Test
	@Order(2)
	void exchangeWhenRefusedByLanyardThenClearOAuthErrorsAndOneDenialEach() throws Exception {
		RegisteredClient content = createClient("content");
		RegisteredClient other = createClient("content");
		RegisteredClient wide = createClient("content");
		String integrationId = "sa-" + UUID.randomUUID();
		publishServiceAccount(integrationId, Set.of(content.clientId(), wide.clientId()), "read");
		String subject = token(content.clientId(), content.secret());
		assertThat(awaitIntegration(() -> exchange(content, subject, integrationId, null)).status()).isEqualTo(200);

		String unknown = "no-such-" + UUID.randomUUID();
		assertError(exchange(content, subject, unknown, null), "invalid_target", "Unknown integration");
		String correlationId = "it-" + UUID.randomUUID();
		assertError(post(form(token(other.clientId(), other.secret()), integrationId, "read"), other, correlationId),
				"unauthorized_client", "is not associated with integration");
		assertError(exchange(wide, token(wide.clientId(), wide.secret()), integrationId, "read admin"), "invalid_scope",
				"allows only the scopes read");

		Map<String, String> wrongType = form(subject, integrationId, null);
		wrongType.put("requested_token_type", "urn:ietf:params:oauth:token-type:id_token");
		assertError(post(wrongType, content), "invalid_request", "requested_token_type");

		Map<String, String> noAudience = form(subject, integrationId, null);
		noAudience.remove("audience");
		assertError(post(noAudience, content), "invalid_request", "audience");

		// authenticated as another content than the subject token's
		assertError(post(form(subject, integrationId, null), other), "invalid_grant", "another client");
		// authenticated as its own content: fine
		assertThat(post(form(subject, integrationId, null), content).status()).isEqualTo(200);

		try (TopicEvents<CredentialDenied> denials = TopicEvents.credentialDenied(Infrastructure.shared())) {
			assertThat(denials.awaitFor(other.clientId(), (list) -> !list.isEmpty(), Duration.ofSeconds(20)))
				.singleElement()
				.satisfies((event) -> {
					assertThat(event.getProducer()).isEqualTo("token-broker");
					assertThat(event.getCorrelationId()).isEqualTo(correlationId);
					assertThat(event.getActorId()).isEqualTo(other.clientId());
					assertThat(event.getSubjectType()).isEqualTo("content");
					assertThat(event.getContentId()).isEqualTo(other.clientId());
					assertThat(event.getIntegrationId()).isEqualTo(integrationId);
					assertThat(event.getRequestedScopes()).containsExactly("read");
					assertThat(event.getGrantType()).isEqualTo(GRANT);
					assertThat(event.getError()).isEqualTo("unauthorized_client");
					assertThat(event.getReason()).isEqualTo("not-associated");
				});
			assertThat(denials.awaitFor(wide.clientId(), (list) -> !list.isEmpty(), Duration.ofSeconds(20)))
				.singleElement()
				.satisfies((event) -> {
					assertThat(event.getActorId()).isEqualTo(wide.clientId());
					assertThat(event.getSubjectType()).isEqualTo("content");
					assertThat(event.getContentId()).isEqualTo(wide.clientId());
					assertThat(event.getIntegrationId()).isEqualTo(integrationId);
					assertThat(event.getRequestedScopes()).containsExactly("admin", "read");
					assertThat(event.getError()).isEqualTo("invalid_scope");
					assertThat(event.getReason()).isEqualTo("scope-not-allowed");
					assertThat(event.getCorrelationId()).isNotBlank();
				});
			// malformed requests and a mismatched client are not denials; waiting for the
			// integration to arrive and the unknown one are
			List<CredentialDenied> ofContent = denials.upToNow(content.clientId());
			assertThat(ofContent).extracting(CredentialDenied::getReason).containsOnly("unknown-integration");
			assertThat(ofContent).filteredOn((event) -> unknown.equals(event.getIntegrationId()))
				.singleElement()
				.satisfies((event) -> assertThat(event.getError()).isEqualTo("invalid_target"));
		}
	}

	@Test
	@Order(3)
	void exchangeWhenSubjectTokenForgedOrExpiredThenInvalidGrant() throws Exception {
		RegisteredClient content = createClient("content");
		String integrationId = "sa-" + UUID.randomUUID();
		publishServiceAccount(integrationId, Set.of(content.clientId()), "read");
		String valid = token(content.clientId(), content.secret());
		assertThat(awaitIntegration(() -> exchange(content, valid, integrationId, null)).status()).isEqualTo(200);

		String kid = SignedJWT.parse(valid).getHeader().getKeyID();
		ECKey forger = new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
		SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(kid).build(),
				JWTClaimsSet.parse(SignedJWT.parse(valid).getJWTClaimsSet().toJSONObject()));
		forged.sign(new ECDSASigner(forger));
		assertError(exchange(content, forged.serialize(), integrationId, null), "invalid_grant", "invalid or expired");

		Instant longAgo = Instant.now().minus(Duration.ofHours(2));
		String expired = this.jwtEncoder
			.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.ES256).type("at+jwt").build(),
					JwtClaimsSet.builder()
						.issuer(ISSUER)
						.subject(content.clientId())
						.audience(List.of("token-broker"))
						.issuedAt(longAgo)
						.expiresAt(longAgo.plus(Duration.ofMinutes(15)))
						.id(UUID.randomUUID().toString())
						.claim("lanyard_token_type", "content-session")
						.build()))
			.getTokenValue();
		SENSITIVE.add(expired);
		assertError(exchange(content, expired, integrationId, null), "invalid_grant", "invalid or expired");

		assertError(exchange(content, "not-a-jwt", integrationId, null), "invalid_grant", "invalid or expired");

		Map<String, String> mislabelled = form(valid, integrationId, null);
		mislabelled.put("subject_token_type", "urn:lanyard:params:oauth:token-type:nothing");
		assertError(post(mislabelled, content), "invalid_request", "subject_token_type");

		// a valid subject token alone, with no client authentication, is no credential
		Response unauthenticated = post(form(valid, integrationId, null), null);
		assertThat(unauthenticated.status()).as(unauthenticated.body()).isEqualTo(401);
		assertThat(unauthenticated.json().get("error").asString()).isEqualTo("invalid_client");
		assertThat(unauthenticated.json().has("access_token")).isFalse();

		// no trustworthy subject, so nothing to record
		try (TopicEvents<CredentialDenied> denials = TopicEvents.credentialDenied(Infrastructure.shared())) {
			assertThat(denials.upToNow(content.clientId()))
				.allSatisfy((event) -> assertThat(event.getReason()).isEqualTo("unknown-integration"));
		}
	}

	@Test
	@Order(4)
	void exchangeWhenExternalEndpointDownThenCircuitOpensAnd503Quickly() {
		RegisteredClient content = createClient("content");
		String integrationId = "down-" + UUID.randomUUID();
		PublishedEvents.publish(Topics.INTEGRATION_CHANGED.name(), integrationId,
				PublishedEvents
					.serviceAccount(integrationId, "http://127.0.0.1:9/token", Set.of(content.clientId()), "read")
					.build());
		String subject = token(content.clientId(), content.secret());

		Response response = awaitIntegration(() -> exchange(content, subject, integrationId, null));
		long fastest = Long.MAX_VALUE;
		for (int attempt = 0; attempt < 6; attempt++) {
			assertThat(response.status()).as(response.body()).isEqualTo(503);
			assertThat(response.json().get("error").asString()).isEqualTo("temporarily_unavailable");
			assertThat(response.body()).doesNotContain("access_token");
			long started = System.nanoTime();
			response = exchange(content, subject, integrationId, null);
			fastest = Math.min(fastest, System.nanoTime() - started);
		}
		assertThat(response.status()).isEqualTo(503);
		assertThat(Duration.ofNanos(fastest)).as("an open circuit answers at once").isLessThan(Duration.ofMillis(250));
	}

	/**
	 * 0.0.0.0 is "this host" to Linux: a connection to it reaches whatever listens on
	 * loopback (here the external OAuth stand-in). Lanyard never calls it, even with
	 * private endpoints allowed (as here): the snapshot naming it is refused as it is
	 * read, so the integration stays unknown.
	 */
	@Test
	@Order(4)
	void exchangeWhenTokenEndpointIsUnspecifiedAddressThenInvalidTargetAndNoCall() {
		RegisteredClient content = createClient("content");
		String integrationId = "ssrf-" + UUID.randomUUID();
		java.net.URI endpoint = java.net.URI.create(ExternalServices.externalTokenEndpoint());
		String reachableThroughZero = "http://0.0.0.0:" + endpoint.getPort() + endpoint.getPath();
		PublishedEvents.publish(Topics.INTEGRATION_CHANGED.name(), integrationId,
				PublishedEvents.serviceAccount(integrationId, reachableThroughZero, Set.of(content.clientId()), "read")
					.build());

		assertThat(PublishedEvents.deadLetterKeys(Duration.ofSeconds(30), integrationId)).contains(integrationId);
		String subject = token(content.clientId(), content.secret());
		Response response = exchange(content, subject, integrationId, null);
		assertError(response, "invalid_target", "Unknown integration");
		assertThat(response.body()).doesNotContain("0.0.0.0");
	}

	/**
	 * Whoever can write the integration topic does not choose where a client secret goes:
	 * token-broker applies integration-registry's endpoint rule itself (here: no user
	 * information in the URL) and dead-letters a snapshot that breaks it, so the forged
	 * endpoint is never called.
	 */
	@Test
	@Order(4)
	void exchangeWhenForgedSnapshotNamesEndpointAgainstThePolicyThenNotUsedAndDeadLettered() {
		RegisteredClient content = createClient("content");
		String integrationId = "forged-" + UUID.randomUUID();
		java.net.URI endpoint = java.net.URI.create(ExternalServices.externalTokenEndpoint());
		String forged = "http://forger@127.0.0.1:" + endpoint.getPort() + "/forged/token";
		PublishedEvents.publish(Topics.INTEGRATION_CHANGED.name(), integrationId,
				PublishedEvents.serviceAccount(integrationId, forged, Set.of(content.clientId()), "read").build());

		assertThat(PublishedEvents.deadLetterKeys(Duration.ofSeconds(30), integrationId)).contains(integrationId);
		String subject = token(content.clientId(), content.secret());
		assertError(exchange(content, subject, integrationId, null), "invalid_target", "Unknown integration");
	}

	@Test
	@Order(5)
	void kafkaRecordsWhenTestsRanThenHoldNoSecretOrToken() {
		try (TopicEvents<TokenIssued> events = TopicEvents.tokenIssued(Infrastructure.shared());
				TopicEvents<CredentialDenied> denials = TopicEvents.credentialDenied(Infrastructure.shared())) {
			List<TokenIssued> all = events.awaitFor("token-broker", (list) -> false, Duration.ofSeconds(5));
			assertThat(all).isNotEmpty();
			denials.upToNow("none");
			List<String> records = java.util.stream.Stream
				.concat(events.seen().stream().map(Object::toString),
						denials.seen().stream().map((record) -> record.key() + " " + record.value()))
				.toList();
			assertThat(denials.seen()).isNotEmpty();
			assertThat(SENSITIVE)
				.allSatisfy((value) -> assertThat(records).noneSatisfy((record) -> assertThat(record).contains(value)));
		}
	}

	@Test
	@Order(6)
	void prometheusWhenExchangesRanThenServesEveryMetricTheMonitoringFilesNameAndNoSecret() {
		Response scrape = get("/actuator/prometheus", null);

		assertThat(scrape.status()).isEqualTo(200);
		// the gateway's own (sign-ins) are checked at the gateway
		Set<String> expected = MonitoredMetrics.referenced(MonitoredMetrics.folder())
			.stream()
			.filter((name) -> !name.startsWith("lanyard_signins"))
			.collect(Collectors.toSet());
		assertThat(expected).contains("lanyard_tokens_issued_total", "lanyard_audit_ack_seconds_bucket",
				"resilience4j_circuitbreaker_state", "kafka_consumer_fetch_manager_records_lag_max");
		assertThat(MonitoredMetrics.exposed(scrape.body())).containsAll(expected);
		assertThat(scrape.body()).contains("grant=\"token-exchange\"");
		assertThat(SENSITIVE).allSatisfy((value) -> assertThat(scrape.body()).doesNotContain(value));
	}

	// ---- helpers

	void publishServiceAccount(String integrationId, Set<String> contentIds, String... scopes) {
		PublishedEvents.publish(Topics.INTEGRATION_CHANGED.name(), integrationId,
				PublishedEvents
					.serviceAccount(integrationId, ExternalServices.externalTokenEndpoint(), contentIds, scopes)
					.build());
	}

	/** A token exchange authenticated as {@code client}. */
	Response exchange(RegisteredClient client, String subjectToken, String audience, String scope) {
		return post(form(subjectToken, audience, scope), client);
	}

	Map<String, String> form(String subjectToken, String audience, String scope) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", GRANT);
		form.put("subject_token", subjectToken);
		form.put("subject_token_type", CONTENT_SESSION);
		form.put("audience", audience);
		if (scope != null) {
			form.put("scope", scope);
		}
		return form;
	}

	Response post(Map<String, String> form, RegisteredClient client) {
		return post(form, client, null);
	}

	Response post(Map<String, String> form, RegisteredClient client, String correlationId) {
		java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(uri("/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(form(form)));
		if (client != null) {
			request.header("Authorization", basic(client.clientId(), client.secret()));
		}
		if (correlationId != null) {
			request.header("X-Correlation-Id", correlationId);
		}
		return send(request, null);
	}

	/** Until the integration has reached the read model. */
	static Response awaitIntegration(java.util.function.Supplier<Response> call) {
		return UserSessionIT.eventually(call, (r) -> !(r.status() == 400 && r.body().contains("Unknown integration")));
	}

	static void assertError(Response response, String error, String descriptionPart) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.json().get("error").asString()).isEqualTo(error);
		assertThat(response.json().get("error_description").asString()).contains(descriptionPart);
		assertThat(response.json().has("access_token")).isFalse();
	}

}
