package dev.lanyard.audit.service;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.lanyard.audit.trail.TestEvents;
import dev.lanyard.events.CredentialDenied;
import dev.lanyard.platform.kafka.Topics;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 15's grounds of an issuance on the trail: a federated token presented, content
 * acting for a user (backend mapping), a delegation chain; shown, filtered and exported.
 */
class FederationAndDelegationIT extends AuditApiTestBase {

	@Test
	void credentialsWhenContentActedForUserThenListedAsOnBehalfOfAndFilterable() throws Exception {
		String user = "user-" + UUID.randomUUID();
		String content = "content-" + UUID.randomUUID();
		String integration = "integration-" + UUID.randomUUID();
		kafka.send(Topics.TOKEN_ISSUED.name(), null, content,
				TestEvents.tokenIssued()
					.setSubjectId(content)
					.setContentId(content)
					.setIntegrationId(integration)
					.setTokenType("external-access")
					.setGrantType("urn:ietf:params:oauth:grant-type:token-exchange")
					.setOnBehalfOfUserId(user)
					.build());
		kafka.send(Topics.TOKEN_ISSUED.name(), null, user,
				TestEvents.tokenIssued()
					.setSubjectId(user)
					.setSubjectType("user")
					.setTokenType("user-session")
					.build());

		await().atMost(EVENTUALLY).until(() -> events(Map.of("onBehalfOf", user)).size() == 1);
		JsonNode event = events(Map.of("onBehalfOf", user)).getFirst();
		assertThat(event.get("subjectId").asString()).isEqualTo(content);
		assertThat(event.get("details").get("onBehalfOfUserId").asString()).isEqualTo(user);

		await().atMost(EVENTUALLY)
			.until(() -> get("/api/audit/users/" + user + "/credentials").get("credentials").size() == 2);
		JsonNode credentials = get("/api/audit/users/" + user + "/credentials").get("credentials");
		assertThat(credentials).anySatisfy((credential) -> {
			assertThat(credential.get("issuance").get("subjectId").asString()).isEqualTo(content);
			assertThat(credential.get("onBehalfOf").asBoolean()).isTrue();
		});
		assertThat(credentials).anySatisfy((credential) -> {
			assertThat(credential.get("issuance").get("subjectId").asString()).isEqualTo(user);
			assertThat(credential.get("onBehalfOf").asBoolean()).isFalse();
		});
		assertThat(get("/api/audit/users/" + content + "/credentials").get("credentials").size()).isZero();

		JsonNode holders = get("/api/audit/access?integration=" + integration + "&groupBy=user").get("holders");
		assertThat(holders).singleElement().satisfies((holder) -> {
			assertThat(holder.get("id").asString()).isEqualTo(user);
			assertThat(holder.get("credentials").asLong()).isEqualTo(1);
			assertThat(holder.get("onBehalfOf").asLong()).isEqualTo(1);
		});

		JsonNode exported = exportLine("onBehalfOf=" + user);
		assertThat(exported.get("unmapped").get("on_behalf_of_user_id").asString()).isEqualTo(user);
		assertThat(exported.get("user").get("uid").asString()).isEqualTo(content);
	}

	@Test
	void eventsWhenFederatedTokenAcceptedAndRefusedThenIssuerAndSubjectShownFilteredAndExported() throws Exception {
		String issuer = "https://ci-" + UUID.randomUUID() + ".example.com";
		String user = "user-" + UUID.randomUUID();
		kafka.send(Topics.TOKEN_ISSUED.name(), null, user,
				TestEvents.tokenIssued()
					.setSubjectId(user)
					.setSubjectType("user")
					.setTokenType("user-federated")
					.setGrantType("urn:ietf:params:oauth:grant-type:jwt-bearer")
					.setFederatedIssuer(issuer)
					.setFederatedSubject("ada")
					.setActorChain(List.of())
					.build());
		kafka.send(Topics.CREDENTIAL_DENIED.name(), null, "stranger",
				CredentialDenied.newBuilder()
					.setEventId(UUID.randomUUID())
					.setOccurredAt(TestEvents.NOW.plusSeconds(1))
					.setCorrelationId("corr-denied")
					.setProducer("token-broker")
					.setActorId(null)
					.setSubjectId("stranger")
					.setSubjectType("federated")
					.setContentId(null)
					.setIntegrationId("unknown")
					.setGrantType("urn:ietf:params:oauth:grant-type:jwt-bearer")
					.setError("invalid_grant")
					.setReason("unknown-user")
					.setFederatedIssuer(issuer)
					.setFederatedSubject("stranger")
					.build());

		await().atMost(EVENTUALLY).until(() -> events(Map.of("federatedIssuer", issuer)).size() == 2);
		List<JsonNode> events = events(Map.of("federatedIssuer", issuer));
		JsonNode denied = events.getFirst();
		assertThat(denied.get("eventType").asString()).isEqualTo("CredentialDenied");
		assertThat(denied.get("subjectLabel").asString()).isEqualTo("federated identity");
		assertThat(denied.get("details").get("federatedSubject").asString()).isEqualTo("stranger");
		JsonNode issued = events.get(1);
		assertThat(issued.get("details").get("federatedIssuer").asString()).isEqualTo(issuer);
		assertThat(issued.get("details").get("federatedSubject").asString()).isEqualTo("ada");

		JsonNode exported = exportLine("eventType=TokenIssued&federatedIssuer=" + encode(issuer));
		assertThat(exported.get("actor").get("idp").get("uid").asString()).isEqualTo(issuer);
		assertThat(exported.get("unmapped").get("federated_subject").asString()).isEqualTo("ada");
	}

	@Test
	void exportWhenDelegatedThenActorChainNearestFirst() throws Exception {
		String user = "user-" + UUID.randomUUID();
		kafka.send(Topics.TOKEN_ISSUED.name(), null, user,
				TestEvents.tokenIssued()
					.setSubjectId(user)
					.setSubjectType("user")
					.setTokenType("user-delegated")
					.setActorId("content-a")
					.setActorChain(List.of("content-a", "content-b"))
					.build());
		await().atMost(EVENTUALLY).until(() -> events(Map.of("user", user)).size() == 1);
		assertThat(events(Map.of("user", user)).getFirst().get("details").get("actorChain").toString())
			.isEqualTo("[\"content-a\",\"content-b\"]");

		JsonNode exported = exportLine("user=" + user);
		assertThat(exported.get("actor").get("user").get("uid").asString()).isEqualTo("content-a");
		assertThat(exported.get("unmapped").get("actor_chain").toString()).isEqualTo("[\"content-a\",\"content-b\"]");
	}

	private JsonNode exportLine(String query) throws Exception {
		HttpResponse<String> response = send(request("/api/audit/export?format=ndjson&" + query).GET());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		String[] lines = response.body().split("\n");
		assertThat(lines).hasSize(1);
		return json.readTree(lines[0]);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
