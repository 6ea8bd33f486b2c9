package dev.lanyard.audit.service;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.lanyard.audit.trail.TestEvents;
import dev.lanyard.events.CredentialDenied;
import dev.lanyard.events.ScimClientChanged;
import dev.lanyard.events.TokenIssued;
import dev.lanyard.platform.kafka.Topics;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each event with its meaning: typed details, subject labels, the filters on them, and
 * the group-move journey.
 */
class EventDetailsIT extends AuditApiTestBase {

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
	void eventsWhenScimClientChangedDeliveredTwiceThenStoredOnceWithActionAndActor() throws Exception {
		String client = "scim-client-" + UUID.randomUUID();
		ScimClientChanged rotated = TestEvents.scimClientChanged().setClientId(client).setAction("rotated").build();
		kafka.send(Topics.SCIM_CLIENT_CHANGED.name(), null, client, rotated);
		kafka.send(Topics.SCIM_CLIENT_CHANGED.name(), null, client, rotated);
		kafka.send(Topics.SCIM_CLIENT_CHANGED.name(), null, client,
				TestEvents.scimClientChanged()
					.setClientId(client)
					.setAction("revoked")
					.setOccurredAt(TestEvents.NOW.plusSeconds(1))
					.build());

		await().atMost(EVENTUALLY).until(() -> events(Map.of("subject", client)).size() == 2);
		List<JsonNode> changes = events(Map.of("subject", client, "eventType", "ScimClientChanged"));
		assertThat(changes).extracting((event) -> event.get("details").get("action").asString())
			.containsExactly("revoked", "rotated");
		assertThat(changes.getLast().get("eventId").asString()).isEqualTo(rotated.getEventId().toString());
		assertThat(changes.getLast().get("subjectLabel").asString()).isEqualTo("SCIM client");
		assertThat(changes.getLast().get("actorId").asString()).isEqualTo("admin-1");
		assertThat(changes.getLast().get("details").get("name").asString()).isEqualTo("okta");
		assertThat(new JdbcTemplate(this.dataSource)
			.queryForObject("SELECT count(*) FROM audit_event WHERE event_id = ?", Integer.class, rotated.getEventId()))
			.isEqualTo(1);
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

}
