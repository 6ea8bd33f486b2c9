package dev.lanyard.provisioning.service;

import dev.lanyard.events.UserChanged;
import dev.lanyard.testing.jwt.TestJwks;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /internal/federated-users}: token-broker's just-in-time creation for
 * identity federation, against real Kafka and PostgreSQL.
 */
class FederatedUsersIT extends ServiceTestSupport {

	private static final String PATH = "/internal/federated-users";

	@Test
	void admitWhenNewIdentityThenCreatedPublishedByTokenBrokerAndIdempotent() {
		String subject = unique("fed");
		String correlation = unique("jit-");

		Response created = call("POST", PATH, internalToken(), body(subject, subject + "@example.com"), correlation);

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String userId = created.json().get("userId").asString();
		assertThat(created.json().get("version").asLong()).isEqualTo(1);
		ConsumerRecord<String, UserChanged> changed = kafka.awaitOne(UserChanged.class, correlation, EVENTUALLY);
		assertThat(changed.key()).isEqualTo(userId);
		assertThat(changed.value().getActorId()).isEqualTo("token-broker");
		assertThat(changed.value().getUniqueId()).isEqualTo(subject);
		assertThat(changed.value().getRole()).isEqualTo("viewer");
		JsonNode user = admin("GET", "/api/admin/users/" + userId, null).json();
		assertThat(user.get("username").asString()).isEqualTo(subject);
		assertThat(user.get("issuer").asString()).isEqualTo(ISSUER);

		Response again = call("POST", PATH, internalToken(), body(subject, subject + "@example.com"), unique("jit-"));

		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(again.json().get("userId").asString()).isEqualTo(userId);
		assertThat(again.json().get("created").asBoolean()).isFalse();
	}

	@Test
	void admitWhenNeitherUsernameNorEmailThen422NamingTheReasonAndNothingCreated() {
		Response refused = call("POST", PATH, internalToken(),
				"{\"issuer\":\"" + ISSUER + "\",\"uniqueId\":\"" + unique("fed") + "\"}", null);

		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().get("reason").asString()).isEqualTo("username-missing");
	}

	@Test
	void admitWhenAdministratorsContentSessionTokenThen403() {
		Response refused = call("POST", PATH, adminToken(), body(unique("fed"), null), null);

		assertThat(refused.status()).as(refused.body()).isEqualTo(403);
		assertThat(refused.json().get("detail").asString()).contains("internal-service");
	}

	@Test
	void admitWhenInternalTokenWithoutTokenBrokerRoleThen403() {
		String token = jwks.token()
			.tokenType(TestJwks.INTERNAL_SERVICE)
			.subject("token-broker")
			.roles("administrator")
			.sign();

		assertThat(call("POST", PATH, token, body(unique("fed"), null), null).status()).isEqualTo(403);
	}

	@Test
	void admitWhenInternalTokenForAnotherAudienceThen401() {
		String token = jwks.token()
			.tokenType(TestJwks.INTERNAL_SERVICE)
			.audience("integration-registry")
			.subject("token-broker")
			.roles("token-broker")
			.sign();

		assertThat(call("POST", PATH, token, body(unique("fed"), null), null).status()).isEqualTo(401);
	}

	@Test
	void admitWhenNoTokenThen401() {
		assertThat(call("POST", PATH, null, body(unique("fed"), null), null).status()).isEqualTo(401);
	}

	static String internalToken() {
		return jwks.token().tokenType(TestJwks.INTERNAL_SERVICE).subject("token-broker").roles("token-broker").sign();
	}

	private static String body(String subject, String email) {
		return "{\"issuer\":\"" + ISSUER + "\",\"uniqueId\":\"" + subject + "\",\"email\":"
				+ ((email != null) ? "\"" + email + "\"" : "null") + ",\"groups\":null}";
	}

}
