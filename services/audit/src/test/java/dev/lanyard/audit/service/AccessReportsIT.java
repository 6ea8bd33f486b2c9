package dev.lanyard.audit.service;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import dev.lanyard.audit.trail.TestEvents;
import dev.lanyard.events.TokenIssued;
import dev.lanyard.platform.kafka.Topics;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who had access to what, when: by integration, by person with revocations, by token
 * value, per day.
 */
class AccessReportsIT extends AuditApiTestBase {

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

}
