package dev.lanyard.audit.service;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.lanyard.audit.trail.TestEvents;
import dev.lanyard.audit.trail.adapter.jdbc.JdbcAuditTrail;
import dev.lanyard.audit.trail.domain.EventFilter;
import dev.lanyard.events.CredentialDenied;
import dev.lanyard.events.TokenIssued;
import dev.lanyard.platform.kafka.Topics;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Export as NDJSON and CSV, streamed from a cursor, and the V2 migration's backfill.
 */
class ExportIT extends AuditApiTestBase {

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
	void eventsWhenNdjsonAcceptedAndParameterBadThenProblemNamingIt() throws Exception {
		HttpResponse<String> response = send(
				request("/api/audit/events?limit=5").header("Accept", "application/x-ndjson").GET());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json.readTree(response.body()).get("parameter").asString()).isEqualTo("limit");
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
		// round trip, exactly when the query runs outside auto-commit with a positive
		// fetch size; otherwise it holds the whole result in memory.
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

	@Test
	void migrationV8AndV9WhenRowsStoredBeforeThemThenPersonActedForFromPayloadNotWritableAndRowsVisible() {
		String schema = "v8_on_behalf_of_" + UUID.randomUUID().toString().replace("-", "");
		try {
			flyway(schema, "7").migrate();
			String insert = "INSERT INTO " + schema + ".audit_event (event_id, event_type, topic, kafka_partition,"
					+ " kafka_offset, occurred_at, correlation_id, producer, outcome, payload)"
					+ " VALUES (?, 'TokenIssued', 't', 0, 0, now(), 'c', 'p', 'success', ?::jsonb)";
			UUID forPerson = UUID.randomUUID();
			this.jdbc.update(insert, forPerson, "{\"onBehalfOfUserId\":\"user-7\"}");
			this.jdbc.update(insert, UUID.randomUUID(), "{}");

			flyway(schema, "8").migrate();

			assertThat(this.jdbc.queryForList("SELECT on_behalf_of_user_id FROM " + schema
					+ ".audit_event ORDER BY on_behalf_of_user_id NULLS LAST", String.class))
				.containsExactly("user-7", null);
			// the column follows the payload the ledger hashes: it cannot be set apart
			// from it
			assertThatThrownBy(() -> this.jdbc.update(
					"UPDATE " + schema + ".audit_event SET on_behalf_of_user_id = 'user-8' WHERE event_id = ?",
					forPerson))
				.rootCause()
				.hasMessageContaining("can only be updated to DEFAULT");

			flyway(schema, "9").migrate();
			// vacuumed, so its visibility map is set for the rows no running transaction
			// can still miss (statistics reach pg_stat_user_tables within a second or so)
			await().atMost(Duration.ofSeconds(10))
				.until(() -> this.jdbc.queryForObject(
						"SELECT vacuum_count FROM pg_stat_user_tables WHERE relid = ?::regclass", Long.class,
						schema + ".audit_event") > 0);
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

}
