package dev.lanyard.audit.service;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.lanyard.audit.trail.TestEvents;
import dev.lanyard.audit.trail.adapter.jdbc.JdbcAuditTrail;
import dev.lanyard.audit.trail.domain.EventFilter;
import dev.lanyard.events.CredentialDenied;
import dev.lanyard.events.TokenIssued;
import dev.lanyard.launcher.Infrastructure;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.testing.infrastructure.ServiceUnderTest;
import dev.lanyard.testing.infrastructure.SharedInfrastructure;
import dev.lanyard.testing.jwt.TestJwks;
import dev.lanyard.testing.kafka.TestKafka;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The auditor's questions against real Kafka, Apicurio Registry and PostgreSQL: typed
 * details, the new filters, who had access, token look-up and export. Every test uses ids
 * of its own, since the database outlives a run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditQueryIT extends ServiceUnderTest {

	static final int FETCH_SIZE = 7;

	private static final Duration EVENTUALLY = Duration.ofSeconds(60);

	private static final TestJwks jwks = new TestJwks("audit");

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	private static TestKafka kafka;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure infrastructure = SharedInfrastructure.register(registry, "audit");
		kafka = new TestKafka(infrastructure.kafkaBootstrapServers(), infrastructure.registryUrl());
		registry.add("spring.kafka.consumer.group-id", () -> "audit-query-it-" + UUID.randomUUID());
		registry.add("lanyard.audit.issuer", () -> TestJwks.ISSUER);
		registry.add("lanyard.audit.jwk-set-uri", jwks::jwkSetUri);
		registry.add("lanyard.audit.export.fetch-size", () -> Integer.toString(FETCH_SIZE));
	}

	@AfterAll
	static void close() {
		if (kafka != null) {
			kafka.close();
		}
		jwks.close();
	}

	@Test
	void eventsWhenUserMovedFromGroupAToGroupBThenBothShownWithGroupNamesAndChange() throws Exception {
		String user = "user-" + UUID.randomUUID();
		String groupA = "group-a-" + UUID.randomUUID();
		String groupB = "group-b-" + UUID.randomUUID();
		kafka.send(Topics.GROUP_MEMBERSHIP_CHANGED.name(), null, user,
				TestEvents.groupMembershipChanged()
					.setUserId(user)
					.setGroupId(groupA)
					.setGroupName("analysts")
					.setChange("removed")
					.setActorId("scim-client:okta")
					.build());
		kafka.send(Topics.GROUP_MEMBERSHIP_CHANGED.name(), null, user,
				TestEvents.groupMembershipChanged()
					.setUserId(user)
					.setGroupId(groupB)
					.setGroupName("engineers")
					.setChange("added")
					.setActorId("scim-client:okta")
					.setOccurredAt(TestEvents.NOW.plusSeconds(1))
					.build());

		await().atMost(EVENTUALLY).until(() -> events(Map.of("user", user)).size() == 2);

		List<JsonNode> moves = events(Map.of("user", user, "eventType", "GroupMembershipChanged"));
		assertThat(moves).extracting((event) -> event.get("details").get("groupName").asString())
			.containsExactly("engineers", "analysts");
		assertThat(moves).extracting((event) -> event.get("details").get("change").asString())
			.containsExactly("added", "removed");
		assertThat(moves).extracting((event) -> event.get("groupId").asString()).containsExactly(groupB, groupA);
		assertThat(moves.getFirst().get("subjectLabel").asString()).isEqualTo("user");
		assertThat(moves.getFirst().get("actorId").asString()).isEqualTo("scim-client:okta");
		assertThat(events(Map.of("group", groupA))).singleElement()
			.satisfies((event) -> assertThat(event.get("details").get("change").asString()).isEqualTo("removed"));
	}

	@Test
	void eventsWhenIntegrationChangedTwiceThenSecondSaysWhatChanged() throws Exception {
		String integration = "integration-" + UUID.randomUUID();
		kafka.send(Topics.INTEGRATION_CHANGED.name(), null, integration,
				TestEvents.integrationChanged().setIntegrationId(integration).setScopes(List.of("read")).build());
		kafka.send(Topics.INTEGRATION_CHANGED.name(), null, integration,
				TestEvents.integrationChanged()
					.setIntegrationId(integration)
					.setScopes(List.of("read", "write"))
					.setSecretVersion(2)
					.setOccurredAt(TestEvents.NOW.plusSeconds(60))
					.build());

		await().atMost(EVENTUALLY).until(() -> events(Map.of("integration", integration)).size() == 2);

		List<JsonNode> changes = events(Map.of("integration", integration));
		JsonNode latest = changes.getFirst().get("details");
		assertThat(latest.get("created").asBoolean()).isFalse();
		assertThat(latest.get("name").asString()).isEqualTo("Snowflake");
		assertThat(latest.get("changes").toString()).isEqualTo(
				"[{\"field\":\"secretVersion\",\"before\":1,\"after\":2},{\"field\":\"scopes\",\"before\":[\"read\"],\"after\":[\"read\",\"write\"]}]");
		assertThat(changes.get(1).get("details").get("created").asBoolean()).isTrue();
		assertThat(changes.get(1).get("details").get("changes").size()).isZero();
		assertThat(changes.getFirst().toString()).doesNotContainIgnoringCase("secret\":\"");
	}

	@Test
	void eventsWhenFilteredByOutcomeActorCorrelationGrantAndTypesThenOnlyThoseAndLabelled() throws Exception {
		String subject = "admin-client-" + UUID.randomUUID();
		String correlation = "corr-" + UUID.randomUUID();
		kafka.send(Topics.TOKEN_ISSUED.name(), null, subject,
				TestEvents.tokenIssued()
					.setSubjectId(subject)
					.setSubjectType("administrator")
					.setCorrelationId(correlation)
					.setActorId(subject)
					.build());
		CredentialDenied denied = CredentialDenied.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOccurredAt(TestEvents.NOW.plusSeconds(1))
			.setCorrelationId(correlation)
			.setProducer("token-broker")
			.setActorId(null)
			.setSubjectId(subject)
			.setSubjectType("content")
			.setContentId(subject)
			.setIntegrationId("integration-1")
			.setRequestedScopes(List.of("read"))
			.setGrantType("urn:ietf:params:oauth:grant-type:token-exchange")
			.setError("invalid_target")
			.setReason("not-linked")
			.setRepeatCount(1)
			.build();
		kafka.send(Topics.CREDENTIAL_DENIED.name(), null, subject, denied);

		await().atMost(EVENTUALLY).until(() -> events(Map.of("correlationId", correlation)).size() == 2);

		assertThat(events(Map.of("subject", subject, "outcome", "failure"))).singleElement().satisfies((event) -> {
			assertThat(event.get("eventType").asString()).isEqualTo("CredentialDenied");
			assertThat(event.get("details").get("reason").asString()).isEqualTo("not-linked");
		});
		assertThat(events(Map.of("actor", subject))).singleElement()
			.satisfies((event) -> assertThat(event.get("subjectLabel").asString()).isEqualTo("administrator client"));
		assertThat(events(Map.of("subject", subject, "grant", "urn:ietf:params:oauth:grant-type:token-exchange")))
			.hasSize(1);
		assertThat(events(Map.of("correlationId", correlation, "eventType", "TokenIssued,CredentialDenied")))
			.hasSize(2);
		assertThat(events(Map.of("correlationId", correlation, "eventType", "UserChanged"))).isEmpty();
	}

	@Test
	void lookupWhenTokenValuePostedThenIssuanceRecordAndNothingInUrlOrLog() throws Exception {
		String token = "leaked-" + UUID.randomUUID();
		String sha = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		String subject = "content-" + UUID.randomUUID();
		kafka.send(Topics.TOKEN_ISSUED.name(), null, subject,
				TestEvents.tokenIssued().setSubjectId(subject).setTokenSha256(sha).build());
		await().atMost(EVENTUALLY).until(() -> events(Map.of("subject", subject)).size() == 1);

		HttpResponse<String> response = post("/api/audit/lookup", "{\"token\":\"" + token + "\"}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode lookup = json.readTree(response.body());
		assertThat(lookup.get("tokenSha256").asString()).isEqualTo(sha);
		assertThat(lookup.get("events").get(0).get("subjectId").asString()).isEqualTo(subject);
		assertThat(response.body()).doesNotContain(token);

		HttpResponse<String> missing = post("/api/audit/lookup", "{\"value\":\"" + token + "\"}");
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(json.readTree(missing.body()).get("parameter").asString()).isEqualTo("token");
		assertThat(missing.body()).doesNotContain(token);
	}

	@Test
	void accessWhenCredentialsIssuedForIntegrationThenGroupedAndPersonsRevocationsShown() throws Exception {
		String integration = "integration-" + UUID.randomUUID();
		String ada = "user-" + UUID.randomUUID();
		String bob = "user-" + UUID.randomUUID();
		Instant base = Instant.parse("2026-11-20T08:00:00Z");
		for (int i = 0; i < 2; i++) {
			kafka.send(Topics.TOKEN_ISSUED.name(), null, ada,
					viewerToken(ada, integration, "jti-" + UUID.randomUUID(), base.plus(i, ChronoUnit.HOURS)));
		}
		String bobsJti = "jti-" + UUID.randomUUID();
		kafka.send(Topics.TOKEN_ISSUED.name(), null, bob,
				viewerToken(bob, integration, bobsJti, base.plus(3, ChronoUnit.HOURS)));
		kafka.send(Topics.TOKEN_REVOKED.name(), null, bob,
				TestEvents.tokenRevoked()
					.setSubjectId(bob)
					.setSubjectType("user")
					.setTokenId(bobsJti)
					.setIntegrationId(integration)
					.setReason("user-deactivated")
					.setOccurredAt(base.plus(3, ChronoUnit.HOURS).plusSeconds(30))
					.build());

		await().atMost(EVENTUALLY).until(() -> events(Map.of("user", bob)).size() == 2);
		await().atMost(EVENTUALLY).until(() -> events(Map.of("user", ada)).size() == 2);

		JsonNode byUser = get("/api/audit/access?integration=" + integration + "&groupBy=user");
		assertThat(byUser.get("holders").size()).isEqualTo(2);
		JsonNode first = byUser.get("holders").get(0);
		assertThat(first.get("id").asString()).isEqualTo(ada);
		assertThat(first.get("credentials").asLong()).isEqualTo(2);
		assertThat(first.get("firstIssuedAt").asString()).isEqualTo("2026-11-20T08:00:00Z");
		assertThat(first.get("lastIssuedAt").asString()).isEqualTo("2026-11-20T09:00:00Z");
		assertThat(first.get("tokenTypes").toString()).isEqualTo("[\"external-access\"]");
		assertThat(get("/api/audit/access?integration=" + integration + "&groupBy=content&to=2026-11-20T08:30:00Z")
			.get("holders")
			.get(0)
			.get("credentials")
			.asLong()).isEqualTo(1);

		JsonNode bobs = get("/api/audit/users/" + bob + "/credentials");
		assertThat(bobs.get("credentials").size()).isEqualTo(1);
		JsonNode credential = bobs.get("credentials").get(0);
		assertThat(credential.get("issuance").get("tokenId").asString()).isEqualTo(bobsJti);
		assertThat(credential.get("revokedAt").asString()).isEqualTo("2026-11-20T11:00:30Z");
		assertThat(credential.get("revocationReason").asString()).isEqualTo("user-deactivated");
		assertThat(get("/api/audit/users/" + ada + "/credentials").get("credentials").get(0).get("revokedAt").isNull())
			.isTrue();
	}

	@Test
	void countsWhenEventsOnTwoDaysThenOneBucketPerDay() throws Exception {
		// a day of its own: the database outlives test runs
		Instant day = Instant.parse("2040-01-01T00:00:00Z")
			.plus(ThreadLocalRandom.current().nextInt(0, 100_000), ChronoUnit.DAYS);
		for (Instant at : List.of(day.plusSeconds(60), day.plusSeconds(120), day.plus(1, ChronoUnit.DAYS))) {
			kafka.send(Topics.USER_DEACTIVATED.name(), null, "u",
					TestEvents.userDeactivated().setEventId(UUID.randomUUID()).setOccurredAt(at).build());
		}
		String query = "/api/audit/counts?eventType=UserDeactivated&from=" + day + "&to="
				+ day.plus(2, ChronoUnit.DAYS);
		await().atMost(EVENTUALLY).until(() -> get(query).get("counts").size() == 2);
		JsonNode counts = get(query).get("counts");
		assertThat(counts.get(0).get("start").asString()).isEqualTo(day.toString());
		assertThat(counts.get(0).get("count").asLong()).isEqualTo(2);
		assertThat(counts.get(1).get("count").asLong()).isEqualTo(1);

		HttpResponse<String> missing = send(request("/api/audit/counts?to=" + day).GET());
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(json.readTree(missing.body()).get("parameter").asString()).isEqualTo("from");
	}

	@Test
	void exportWhenMoreRowsThanOneFetchThenAllStreamedAsNdjsonAndCsvWithFormulasDefused() throws Exception {
		String content = "content-" + UUID.randomUUID();
		int rows = FETCH_SIZE * 4 + 3;
		for (int i = 0; i < rows; i++) {
			kafka.send(Topics.TOKEN_ISSUED.name(), null, content,
					TestEvents.tokenIssued()
						.setSubjectId(content)
						.setContentId(content)
						.setActorId("=HYPERLINK(\"http://evil\")")
						.setOccurredAt(TestEvents.NOW.plusSeconds(i))
						.build());
		}
		await().atMost(EVENTUALLY)
			.until(() -> get("/api/audit/events?limit=500&content=" + content).get("events").size() == rows);

		HttpResponse<String> ndjson = send(request("/api/audit/export?format=ndjson&content=" + content).GET());
		assertThat(ndjson.statusCode()).isEqualTo(200);
		assertThat(ndjson.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/x-ndjson"));
		String[] lines = ndjson.body().split("\n");
		assertThat(lines).hasSize(rows);
		JsonNode line = json.readTree(lines[0]);
		assertThat(line.get("class_uid").asInt()).isEqualTo(3002);
		assertThat(line.get("activity_name").asString()).isEqualTo("Service Ticket Request");
		assertThat(line.get("status").asString()).isEqualTo("Success");
		assertThat(line.get("user").get("uid").asString()).isEqualTo(content);
		assertThat(line.get("metadata").get("event_code").asString()).isEqualTo("TokenIssued");
		assertThat(line.get("time_dt").asString()).isEqualTo(TestEvents.NOW.plusSeconds(rows - 1).toString());

		HttpResponse<String> accept = send(
				request("/api/audit/events?content=" + content).GET().header("Accept", "application/x-ndjson"));
		assertThat(accept.body().split("\n")).hasSize(rows);

		HttpResponse<String> csv = send(request("/api/audit/export?format=csv&content=" + content).GET());
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Disposition"))
			.hasValue("attachment; filename=\"audit-events.csv\"");
		String[] records = csv.body().split("\r\n");
		assertThat(records).hasSize(rows + 1);
		assertThat(records[0]).startsWith("time,time_dt,metadata.uid,metadata.correlation_uid,");
		assertThat(records[1]).contains(",\"'=HYPERLINK(\"\"http://evil\"\")\",");

		HttpResponse<String> bad = send(request("/api/audit/export?format=xml").GET());
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(json.readTree(bad.body()).get("parameter").asString()).isEqualTo("format");
	}

	@Test
	void streamWhenMoreRowsThanFetchSizeThenReadThroughACursorFetchSizeRowsAtATime() throws Exception {
		String content = "content-" + UUID.randomUUID();
		int rows = FETCH_SIZE * 3 + 1;
		for (int i = 0; i < rows; i++) {
			kafka.send(Topics.TOKEN_ISSUED.name(), null, content,
					TestEvents.tokenIssued().setSubjectId(content).setContentId(content).build());
		}
		EventFilter filter = EventFilter.builder().contentId(content).build();
		await().atMost(EVENTUALLY).until(() -> this.trail.stream(filter, (event) -> {
		}) == rows);

		// PostgreSQL's driver reads through a server-side cursor, fetchSize rows per
		// round
		// trip, exactly when the query runs outside auto-commit with a positive fetch
		// size;
		// otherwise it holds the whole result in memory.
		RecordingDataSource recording = new RecordingDataSource(this.dataSource);
		JdbcAuditTrail trail = new JdbcAuditTrail(new JdbcTemplate(recording),
				new TransactionTemplate(new DataSourceTransactionManager(recording)), FETCH_SIZE);
		long streamed = trail.stream(filter, (event) -> {
		});

		assertThat(streamed).isEqualTo(rows);
		assertThat(recording.queries()).singleElement().isEqualTo(new RecordingDataSource.Query(FETCH_SIZE, false));
	}

	@Test
	void migrationV2WhenRowsStoredBeforeItThenUserGroupOutcomeAndGrantBackfilledFromPayload() {
		String schema = "v2_backfill_" + UUID.randomUUID().toString().replace("-", "");
		try {
			flyway(schema, "1").migrate();
			String insert = "INSERT INTO " + schema + ".audit_event (event_id, event_type, topic, kafka_partition,"
					+ " kafka_offset, occurred_at, correlation_id, producer, subject_id, subject_type, payload)"
					+ " VALUES (gen_random_uuid(), ?, 't', 0, 0, now(), 'c', 'p', ?, ?, ?::jsonb)";
			this.jdbc.update(insert, "GroupMembershipChanged", "user-7", "user",
					"{\"userId\":\"user-7\",\"groupId\":\"group-1\",\"change\":\"added\"}");
			this.jdbc.update(insert, "TokenIssued", "user-8", "user", "{}");
			this.jdbc.update(insert, "CredentialDenied", "content-1", "content",
					"{\"grantType\":\"client_credentials\"}");
			this.jdbc.update(insert, "UserSignedOut", null, null, "{\"userId\":\"user-9\"}");

			flyway(schema, "2").migrate();

			assertThat(this.jdbc.queryForList("SELECT event_type, user_id, group_id, outcome, grant_type FROM " + schema
					+ ".audit_event ORDER BY event_type"))
				.containsExactly(row("CredentialDenied", null, null, "failure", "client_credentials"),
						row("GroupMembershipChanged", "user-7", "group-1", "success", null),
						row("TokenIssued", "user-8", null, "success", null),
						row("UserSignedOut", "user-9", null, "success", null));
		}
		finally {
			this.jdbc.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
		}
	}

	private Flyway flyway(String schema, String target) {
		return Flyway.configure()
			.dataSource(this.dataSource)
			.schemas(schema)
			.locations("classpath:db/migration")
			.target(target)
			.load();
	}

	private static Map<String, Object> row(String eventType, String userId, String groupId, String outcome,
			String grantType) {
		Map<String, Object> row = new java.util.LinkedHashMap<>();
		row.put("event_type", eventType);
		row.put("user_id", userId);
		row.put("group_id", groupId);
		row.put("outcome", outcome);
		row.put("grant_type", grantType);
		return row;
	}

	private static TokenIssued viewerToken(String user, String integration, String jti, Instant at) {
		return TestEvents.tokenIssued()
			.setSubjectId(user)
			.setSubjectType("user")
			.setContentId("content-42")
			.setIntegrationId(integration)
			.setTokenType("external-access")
			.setTokenId(jti)
			.setOccurredAt(at)
			.setExpiresAt(at.plus(1, ChronoUnit.HOURS))
			.build();
	}

	@Test
	void newEndpointsWhenCallerLacksAuditorRoleThenForbiddenProblem() throws Exception {
		String contentToken = jwks.token("content-client", "content");
		for (String path : List.of("/api/audit/access?integration=i", "/api/audit/users/u/credentials",
				"/api/audit/counts?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z", "/api/audit/export")) {
			HttpResponse<String> response = send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
						.header("Authorization", "Bearer " + contentToken)
						.GET());
			assertThat(response.statusCode()).as(path).isEqualTo(403);
		}
		HttpResponse<String> lookup = send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/audit/lookup"))
					.header("Authorization", "Bearer " + contentToken)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"t\"}")));
		assertThat(lookup.statusCode()).isEqualTo(403);
	}

	@Test
	void eventsWhenNdjsonAcceptedAndParameterBadThenProblemNamingIt() throws Exception {
		HttpResponse<String> response = send(
				request("/api/audit/events?limit=5").header("Accept", "application/x-ndjson").GET());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json.readTree(response.body()).get("parameter").asString()).isEqualTo("limit");
	}

	@Test
	void filtersWhenPlannedThenEachNewFilterHasAnIndex() {
		Map<String, String> indexByFilter = Map.of("user_id", "audit_event_by_user", "group_id", "audit_event_by_group",
				"actor_id", "audit_event_by_actor", "correlation_id", "audit_event_by_correlation", "grant_type",
				"audit_event_by_grant");
		indexByFilter.forEach((column, index) -> assertThat(plan("e." + column + " = 'x'")).as(column).contains(index));
		assertThat(plan("e.outcome = 'failure'")).contains("audit_event_failures");
	}

	private String plan(String condition) {
		// With sequential scans ruled out, the plan shows whether an index serves the
		// filter in the order queries read (the table is too small here to prefer one).
		return new TransactionTemplate(new DataSourceTransactionManager(this.dataSource)).execute((status) -> {
			this.jdbc.execute("SET LOCAL enable_seqscan = off");
			return String.join("\n", this.jdbc.queryForList("EXPLAIN SELECT e.event_id FROM audit_event e WHERE "
					+ condition + " ORDER BY e.occurred_at DESC, e.event_id DESC LIMIT 50", String.class));
		});
	}

	@Autowired
	private JdbcAuditTrail trail;

	@Autowired
	private DataSource dataSource;

	private List<JsonNode> events(Map<String, String> parameters) throws Exception {
		String query = parameters.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		List<JsonNode> events = new ArrayList<>();
		get("/api/audit/events?limit=500&" + query).get("events").forEach(events::add);
		return events;
	}

	private JsonNode get(String pathAndQuery) throws Exception {
		HttpResponse<String> response = send(request(pathAndQuery).GET());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private HttpResponse<String> post(String path, String body) throws Exception {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private HttpRequest.Builder request(String pathAndQuery) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + pathAndQuery))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + jwks.token("auditor-client", "auditor"));
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
