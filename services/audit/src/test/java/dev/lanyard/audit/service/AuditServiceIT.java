package dev.lanyard.audit.service;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import dev.lanyard.audit.trail.TestEvents;
import dev.lanyard.events.TokenIssued;
import dev.lanyard.launcher.Infrastructure;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.testing.infrastructure.ServiceUnderTest;
import dev.lanyard.testing.infrastructure.SharedInfrastructure;
import dev.lanyard.testing.jwt.TestJwks;
import dev.lanyard.testing.kafka.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service against real Kafka, Apicurio Registry and PostgreSQL from
 * {@link Infrastructure#shared()}. Callers' JWTs are signed here with a key that
 * {@link TestJwks} serves as a JWK set from 127.0.0.1, so the service checks them the way
 * it checks token-broker's. One Spring context for the class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditServiceIT extends ServiceUnderTest {

	private static final Duration EVENTUALLY = Duration.ofSeconds(60);

	private static final TestJwks jwks = new TestJwks("audit");

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	private static TestKafka kafka;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure infrastructure = SharedInfrastructure.register(registry, "audit");
		kafka = new TestKafka(infrastructure.kafkaBootstrapServers(), infrastructure.registryUrl());
		registry.add("spring.kafka.consumer.group-id", () -> "audit-it-" + UUID.randomUUID());
		registry.add("lanyard.audit.issuer", () -> TestJwks.ISSUER);
		registry.add("lanyard.audit.jwk-set-uri", jwks::jwkSetUri);
		registry.add("lanyard.audit.retry.initial-interval", () -> "PT0.2S");
		registry.add("lanyard.audit.retry.max-interval", () -> "PT1S");
	}

	@AfterAll
	static void close() {
		if (kafka != null) {
			kafka.close();
		}
		jwks.close();
	}

	@Test
	void eventsWhenTokenIssuedThenQueryableByEveryFilterNewestFirst() throws Exception {
		String subject = "content-" + UUID.randomUUID();
		String sha = sha();
		Instant base = Instant.parse("2026-11-25T10:00:00Z");
		TokenIssued first = TestEvents.tokenIssued()
			.setSubjectId(subject)
			.setContentId(subject)
			.setOccurredAt(base)
			.build();
		TokenIssued second = TestEvents.tokenIssued()
			.setSubjectId(subject)
			.setContentId(subject)
			.setIntegrationId("integration-" + subject)
			.setTokenType("external-access")
			.setGrantType("urn:ietf:params:oauth:grant-type:token-exchange")
			.setTokenSha256(sha)
			.setActorId("actor-1")
			.setOccurredAt(base.plusSeconds(60))
			.build();
		TokenIssued third = TestEvents.tokenIssued()
			.setSubjectId(subject)
			.setContentId("other-" + subject)
			.setOccurredAt(base.plusSeconds(120))
			.build();
		for (TokenIssued event : List.of(first, second, third)) {
			kafka.send(Topics.TOKEN_ISSUED.name(), null, subject, event);
		}
		kafka.send(Topics.TOKEN_REVOKED.name(), null, subject,
				TestEvents.tokenRevoked()
					.setSubjectId(subject)
					.setSubjectType("content")
					.setOccurredAt(base.plusSeconds(180))
					.build());

		await().atMost(EVENTUALLY).until(() -> eventIds(query(Map.of("subject", subject))).size() == 4);

		JsonNode all = query(Map.of("subject", subject));
		assertThat(all.get("nextCursor").isNull()).isTrue();
		assertThat(all.get("events").get(0).get("eventType").asString()).isEqualTo("TokenRevoked");
		assertThat(eventIds(all).subList(1, 4)).containsExactly(third.getEventId().toString(),
				second.getEventId().toString(), first.getEventId().toString());
		JsonNode stored = all.get("events").get(2);
		assertThat(stored.get("eventId").asString()).isEqualTo(second.getEventId().toString());
		assertThat(stored.get("occurredAt").asString()).isEqualTo("2026-11-25T10:01:00Z");
		assertThat(stored.get("recordedAt").isString()).isTrue();
		assertThat(stored.get("correlationId").asString()).isEqualTo("corr-1");
		assertThat(stored.get("producer").asString()).isEqualTo("token-broker");
		assertThat(stored.get("actorId").asString()).isEqualTo("actor-1");
		assertThat(stored.get("subjectId").asString()).isEqualTo(subject);
		assertThat(stored.get("subjectType").asString()).isEqualTo("content");
		assertThat(stored.get("contentId").asString()).isEqualTo(subject);
		assertThat(stored.get("integrationId").asString()).isEqualTo("integration-" + subject);
		assertThat(stored.get("tokenType").asString()).isEqualTo("external-access");
		assertThat(stored.get("tokenId").asString()).isEqualTo("jti-1");
		assertThat(stored.get("tokenSha256").asString()).isEqualTo(sha);
		assertThat(stored.get("grantType").asString()).isEqualTo("urn:ietf:params:oauth:grant-type:token-exchange");
		assertThat(stored.get("scopes").toString()).isEqualTo("[\"read\",\"write\"]");
		assertThat(stored.get("audience").toString()).isEqualTo("[\"content-42\"]");
		assertThat(stored.get("expiresAt").asString()).isEqualTo(second.getExpiresAt().toString());

		assertThat(eventIds(query(Map.of("content", subject)))).containsExactly(second.getEventId().toString(),
				first.getEventId().toString());
		assertThat(eventIds(query(Map.of("integration", "integration-" + subject))))
			.containsExactly(second.getEventId().toString());
		assertThat(eventIds(query(Map.of("subject", subject, "tokenType", "external-access"))))
			.containsExactly(second.getEventId().toString());
		assertThat(eventIds(query(Map.of("tokenSha256", sha.toUpperCase()))))
			.containsExactly(second.getEventId().toString());
		assertThat(eventIds(query(Map.of("subject", subject, "eventType", "TokenIssued")))).hasSize(3);
		assertThat(eventIds(query(Map.of("subject", subject, "eventType", "TokenRevoked")))).hasSize(1);
		assertThat(eventIds(
				query(Map.of("subject", subject, "from", "2026-11-25T10:01:00Z", "to", "2026-11-25T10:02:00Z"))))
			.containsExactly(second.getEventId().toString());

		List<String> paged = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			Map<String, String> params = new LinkedHashMap<>(Map.of("subject", subject, "limit", "1"));
			if (cursor != null) {
				params.put("cursor", cursor);
			}
			JsonNode page = query(params);
			paged.addAll(eventIds(page));
			cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
			pages++;
		}
		while (cursor != null && pages < 10);
		assertThat(paged).isEqualTo(eventIds(all));
		assertThat(pages).isEqualTo(4);
	}

	@Test
	void eventsWhenSameEventDeliveredTwiceThenOneRow() throws Exception {
		String subject = "content-" + UUID.randomUUID();
		TokenIssued event = TestEvents.tokenIssued().setSubjectId(subject).build();
		kafka.send(Topics.TOKEN_ISSUED.name(), 0, subject, event);
		kafka.send(Topics.TOKEN_ISSUED.name(), 0, subject, event);
		TokenIssued marker = TestEvents.tokenIssued()
			.setSubjectId(subject)
			.setOccurredAt(TestEvents.NOW.minusSeconds(1))
			.build();
		kafka.send(Topics.TOKEN_ISSUED.name(), 0, subject, marker);

		await().atMost(EVENTUALLY)
			.until(() -> eventIds(query(Map.of("subject", subject))).contains(marker.getEventId().toString()));
		assertThat(eventIds(query(Map.of("subject", subject)))).containsExactly(event.getEventId().toString(),
				marker.getEventId().toString());
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE event_id = ?", Integer.class,
				event.getEventId()))
			.isEqualTo(1);
		Map<String, Object> row = this.jdbc.queryForMap(
				"SELECT topic, kafka_partition, payload->>'tokenId' AS token_id, payload->>'issuedAt' AS issued_at"
						+ " FROM audit_event WHERE event_id = ?",
				event.getEventId());
		assertThat(row).containsEntry("topic", Topics.TOKEN_ISSUED.name())
			.containsEntry("kafka_partition", 0)
			.containsEntry("token_id", "jti-1")
			.containsEntry("issued_at", TestEvents.NOW.toString());
	}

	@Test
	void eventsWhenGarbageOnTokenIssuedThenDeadLetteredAndLaterRecordStored() throws Exception {
		String subject = "content-" + UUID.randomUUID();
		byte[] garbage = new byte[64];
		ThreadLocalRandom.current().nextBytes(garbage);
		garbage[0] = 0x7f;
		RecordMetadata poison = kafka.sendRaw(Topics.TOKEN_ISSUED.name(), 1, subject, garbage);
		// Confluent framing with a schema id the registry does not know.
		byte[] unknownSchema = { 0, 0x7f, 0x7f, 0x7f, 0x70, 2, 4, 6 };
		RecordMetadata unknown = kafka.sendRaw(Topics.TOKEN_ISSUED.name(), 1, subject, unknownSchema);
		TokenIssued valid = TestEvents.tokenIssued().setSubjectId(subject).build();
		RecordMetadata after = kafka.send(Topics.TOKEN_ISSUED.name(), 1, subject, valid);
		assertThat(after.offset()).isGreaterThan(poison.offset());

		await().atMost(EVENTUALLY)
			.until(() -> eventIds(query(Map.of("subject", subject))).contains(valid.getEventId().toString()));

		ConsumerRecord<String, byte[]> deadLetter = kafka.deadLetter(poison, EVENTUALLY).orElseThrow();
		assertThat(deadLetter.value()).isEqualTo(garbage);
		assertThat(deadLetter.key()).isEqualTo(subject);
		assertThat(TestKafka.text(deadLetter, "lanyard_dlt-reason")).startsWith("Not a readable Lanyard Avro value");
		assertThat(TestKafka.text(deadLetter, "kafka_dlt-exception-fqcn"))
			.isEqualTo("org.springframework.kafka.support.serializer.DeserializationException");
		assertThat(TestKafka.text(deadLetter, "kafka_dlt-original-consumer-group")).startsWith("audit-it-");
		assertThat(deadLetter.headers().lastHeader("springDeserializerExceptionValue")).isNull();
		ConsumerRecord<String, byte[]> unknownLetter = kafka.deadLetter(unknown, EVENTUALLY).orElseThrow();
		assertThat(unknownLetter.value()).isEqualTo(unknownSchema);
		assertThat(TestKafka.text(unknownLetter, "lanyard_dlt-reason")).startsWith("Schema registry answered HTTP 404");
	}

	@Test
	void eventsWhenStoreUnavailableThenRetriedNotDeadLettered() throws Exception {
		String subject = "content-" + UUID.randomUUID();
		TokenIssued event = TestEvents.tokenIssued().setSubjectId(subject).build();
		this.jdbc.execute("ALTER TABLE audit_event RENAME TO audit_event_offline");
		RecordMetadata sent;
		try {
			sent = kafka.send(Topics.TOKEN_ISSUED.name(), 2, subject, event);
			assertThat(kafka.deadLetter(sent, Duration.ofSeconds(5))).isEmpty();
		}
		finally {
			this.jdbc.execute("ALTER TABLE audit_event_offline RENAME TO audit_event");
		}
		await().atMost(EVENTUALLY)
			.until(() -> eventIds(query(Map.of("subject", subject))).contains(event.getEventId().toString()));
		assertThat(kafka.deadLetter(sent, Duration.ofSeconds(1))).isEmpty();
	}

	@Test
	void eventsWhenNoTokenThenUnauthorizedProblem() throws Exception {
		HttpResponse<String> response = get("/api/audit/events", null);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer"));
		assertThat(json.readTree(response.body()).get("status").asInt()).isEqualTo(401);
	}

	@Test
	void eventsWhenTokenFromOtherIssuerThenUnauthorized() throws Exception {
		HttpResponse<String> response = get("/api/audit/events",
				jwks.token().subject("auditor-client").issuer("http://127.0.0.1:9999").roles("auditor").sign());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(json.readTree(response.body()).get("title").asString()).isEqualTo("Unauthorized");
	}

	@Test
	void eventsWhenTokenMeantForAnotherServiceThenUnauthorized() throws Exception {
		HttpResponse<String> response = get("/api/audit/events",
				jwks.token().subject("auditor-client").audience("user-provisioning").roles("auditor").sign());
		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void eventsWhenTokenSignedByUnknownKeyThenUnauthorized() throws Exception {
		HttpResponse<String> response = get("/api/audit/events",
				jwks.token().subject("auditor-client").signedByStranger().roles("auditor").sign());
		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void eventsWhenTokenLacksAuditorRoleThenForbiddenProblem() throws Exception {
		HttpResponse<String> response = get("/api/audit/events", jwks.token("auditor-client", "content"));
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(403);
		assertThat(problem.get("detail").asString()).isEqualTo("Reading the audit trail requires the role auditor");
	}

	@Test
	void eventsWhenAuditorsUserSessionTokenThenForbidden() throws Exception {
		// at+jwt, not the user-session typ: the claim-level check is the one under test
		HttpResponse<String> response = get("/api/audit/events",
				jwks.token()
					.subject("auditor-client")
					.tokenType(TestJwks.USER_SESSION)
					.typ("at+jwt")
					.roles("auditor")
					.sign());
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(json.readTree(response.body()).get("detail").asString()).isEqualTo(
				"Reading the audit trail requires a token of type content-session or user-audit; this token's lanyard_token_type is user-session");
	}

	@Test
	void eventsWhenContentsUserSessionTokenAsIssuedThenUnauthorized() throws Exception {
		// as token-broker mints it for content: its own typ and audiences, none of them
		// audit
		HttpResponse<String> response = get("/api/audit/events",
				jwks.token()
					.subject("user-1")
					.audience("token-broker")
					.tokenType(TestJwks.USER_SESSION)
					.typ("user-session+jwt")
					.roles("auditor")
					.sign());
		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void eventsWhenAuditorsRelayedAuditTokenThenAnswered() throws Exception {
		HttpResponse<String> response = get("/api/audit/events",
				jwks.token().subject("user-1").tokenType("user-audit").roles("auditor").sign());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(json.readTree(response.body()).has("events")).isTrue();
	}

	@Test
	void eventsWhenAuditTokenWithoutAuditorRoleThenForbidden() throws Exception {
		HttpResponse<String> response = get("/api/audit/events",
				jwks.token().subject("user-1").tokenType("user-audit").roles("viewer").sign());
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(json.readTree(response.body()).get("detail").asString())
			.isEqualTo("Reading the audit trail requires the role auditor");
	}

	@Test
	void eventsWhenFromMalformedThenBadRequestProblemNamingFrom() throws Exception {
		HttpResponse<String> response = get("/api/audit/events?from=yesterday", auditorToken());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("parameter").asString()).isEqualTo("from");
		assertThat(problem.get("instance").asString()).isEqualTo("/api/audit/events");
	}

	@Test
	void eventsWhenRecordCarriesTraceparentThenEventShowsItsTraceId() throws Exception {
		String subject = "content-" + UUID.randomUUID();
		String traceId = sha().substring(0, 32);
		TokenIssued traced = TestEvents.tokenIssued().setSubjectId(subject).build();
		TokenIssued untraced = TestEvents.tokenIssued()
			.setSubjectId(subject)
			.setOccurredAt(TestEvents.NOW.minusSeconds(1))
			.build();
		kafka.send(Topics.TOKEN_ISSUED.name(), null, subject, traced,
				Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));
		kafka.send(Topics.TOKEN_ISSUED.name(), null, subject, untraced, Map.of("traceparent", "00-not-a-trace-id-01"));

		await().atMost(EVENTUALLY).until(() -> eventIds(query(Map.of("subject", subject))).size() == 2);
		JsonNode events = query(Map.of("subject", subject)).get("events");
		assertThat(events.get(0).get("eventId").asString()).isEqualTo(traced.getEventId().toString());
		assertThat(events.get(0).get("traceId").asString()).isEqualTo(traceId);
		JsonNode malformed = events.get(1).path("traceId");
		assertThat(malformed.isNull() || malformed.isMissingNode()).as("a malformed traceparent is not kept").isTrue();
	}

	@Test
	void healthWhenUpThenAnsweredWithoutToken() throws Exception {
		HttpResponse<String> response = get("/actuator/health", null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json.readTree(response.body()).get("status").asString()).isEqualTo("UP");
	}

	private JsonNode query(Map<String, String> parameters) throws Exception {
		String queryString = parameters.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpResponse<String> response = get("/api/audit/events?" + queryString, auditorToken());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private static List<String> eventIds(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.get("events").forEach((event) -> ids.add(event.get("eventId").asString()));
		return ids;
	}

	private HttpResponse<String> get(String pathAndQuery, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + pathAndQuery))
			.timeout(Duration.ofSeconds(10))
			.GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String auditorToken() {
		return jwks.token("auditor-client", "auditor");
	}

	private static String sha() {
		byte[] bytes = new byte[32];
		ThreadLocalRandom.current().nextBytes(bytes);
		StringBuilder hex = new StringBuilder();
		for (byte b : bytes) {
			hex.append(String.format("%02x", b));
		}
		return hex.toString();
	}

}
