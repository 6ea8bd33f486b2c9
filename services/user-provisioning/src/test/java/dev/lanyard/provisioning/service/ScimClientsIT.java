package dev.lanyard.provisioning.service;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import dev.lanyard.events.ScimClientChanged;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.provisioning.scim.auth.domain.ScimSecret;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SCIM clients: their admin API, and the {@code /scim/v2} chain that accepts only their
 * secrets.
 */
@ExtendWith(OutputCaptureExtension.class)
class ScimClientsIT extends ServiceTestSupport {

	private static final String SCIM_ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

	@Autowired
	JdbcClient jdbc;

	@Test
	void scimWhenNoSecretThenUnauthorizedScimError() {
		Response response = call("GET", "/scim/v2/Users", null, null, null);

		assertUnauthorizedScimError(response);
		assertThat(response.json().get("detail").asString()).isEqualTo("A SCIM client's bearer secret is required");
	}

	@Test
	void scimWhenUnknownSecretThenUnauthorizedScimError() {
		Response response = call("GET", "/scim/v2/Users", ScimSecret.generate(), null, null);

		assertUnauthorizedScimError(response);
	}

	@Test
	void scimWhenSecretOfClientThenAuthenticatedAsThatClient() {
		JsonNode created = createClient(unique("okta-"));

		Response response = call("GET", ScimWhoAmIController.PATH, created.get("token").asString(), null, null);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().get("name").asString()).isEqualTo("scim-client:" + created.get("name").asString());
		assertThat(response.json().get("clientId").asString()).isEqualTo(created.get("id").asString());
		assertThat(response.json().get("authorities").toString()).isEqualTo("[\"SCIM_CLIENT\"]");
	}

	@Test
	void scimWhenClientRevokedThenItsSecretRefusedAtOnce() {
		JsonNode created = createClient(unique("entra-"));
		String secret = created.get("token").asString();
		assertThat(call("GET", ScimWhoAmIController.PATH, secret, null, null).status()).isEqualTo(200);

		assertThat(admin("DELETE", "/api/admin/scim-clients/" + created.get("id").asString(), null).status())
			.isEqualTo(204);

		assertUnauthorizedScimError(call("GET", ScimWhoAmIController.PATH, secret, null, null));
		JsonNode listed = listed(created.get("id").asString());
		assertThat(listed.get("revokedAt").isNull()).isFalse();
	}

	@Test
	void scimWhenSecretRotatedThenOldRefusedAndNewAccepted() {
		JsonNode created = createClient(unique("onelogin-"));
		String old = created.get("token").asString();

		Response rotated = admin("POST", "/api/admin/scim-clients/" + created.get("id").asString() + "/rotate", null);

		assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
		String fresh = rotated.json().get("token").asString();
		assertThat(fresh).startsWith("lys_").isNotEqualTo(old);
		assertUnauthorizedScimError(call("GET", ScimWhoAmIController.PATH, old, null, null));
		assertThat(call("GET", ScimWhoAmIController.PATH, fresh, null, null).status()).isEqualTo(200);
	}

	@Test
	void scimWhenSecretInQueryParameterOrBasicSchemeThenUnauthorized() throws Exception {
		String secret = createClient(unique("okta-")).get("token").asString();

		assertUnauthorizedScimError(
				call("GET", ScimWhoAmIController.PATH + "?access_token=" + secret, null, null, null));
		HttpResponse<String> basic = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + ScimWhoAmIController.PATH))
				.header("Authorization",
						"Basic " + Base64.getEncoder()
							.encodeToString(("okta:" + secret).getBytes(StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(basic.statusCode()).isEqualTo(401);
		assertThat(basic.body()).contains(SCIM_ERROR);
	}

	@Test
	void scimWhenLanyardAdministratorJwtThenUnauthorized() {
		assertUnauthorizedScimError(call("GET", "/scim/v2/Users", adminToken(), null, null));
	}

	@Test
	void adminApiWhenScimSecretThenUnauthorized() {
		String secret = createClient(unique("jumpcloud-")).get("token").asString();

		Response response = call("GET", "/api/admin/users", secret, null, null);

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(call("GET", "/api/admin/scim-clients", secret, null, null).status()).isEqualTo(401);
	}

	@Test
	void secretWhenIssuedRotatedAndRevokedThenNeverListedLoggedOrStored(CapturedOutput output) {
		String name = unique("keycloak-");
		Response created = admin("POST", "/api/admin/scim-clients", "{\"name\":\"" + name + "\"}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		String secret = created.json().get("token").asString();
		assertThat(secret).matches("lys_[A-Za-z0-9_-]{43}");
		assertThat(created.json().get("createdAt").isNull()).isFalse();
		call("GET", ScimWhoAmIController.PATH, secret, null, null);
		call("GET", "/api/admin/users", secret, null, null);
		Response rotated = admin("POST", "/api/admin/scim-clients/" + id + "/rotate", null);
		call("GET", ScimWhoAmIController.PATH, secret, null, null);
		admin("DELETE", "/api/admin/scim-clients/" + id, null);
		String latest = rotated.json().get("token").asString();
		call("GET", ScimWhoAmIController.PATH, latest, null, null);

		Response list = admin("GET", "/api/admin/scim-clients", null);

		assertThat(list.body()).contains(id).doesNotContain(secret).doesNotContain(latest).doesNotContain("token");
		String row = this.jdbc.sql("SELECT row_to_json(c)::text FROM scim_clients c WHERE id = ?::uuid")
			.param(id)
			.query(String.class)
			.single();
		assertThat(row).doesNotContain(secret.substring(4)).doesNotContain(latest.substring(4));
		byte[] stored = this.jdbc.sql("SELECT token_sha256 FROM scim_clients WHERE id = ?::uuid")
			.param(id)
			.query(byte[].class)
			.single();
		assertThat(HexFormat.of().formatHex(stored)).isEqualTo(HexFormat.of().formatHex(ScimSecret.sha256(latest)));
		assertThat(output.getAll()).contains("SCIM client " + id + " (" + name + ") created")
			.contains("SCIM client " + id + " (" + name + ") secret rotated")
			.contains("SCIM client " + id + " (" + name + ") revoked")
			.contains("refused: not a valid SCIM client secret")
			.doesNotContain(secret.substring(4))
			.doesNotContain(latest.substring(4));
	}

	@Test
	void createWhenUsedThenLastUsedRecorded() {
		JsonNode created = createClient(unique("okta-"));
		assertThat(listed(created.get("id").asString()).get("lastUsedAt").isNull()).isTrue();

		call("GET", ScimWhoAmIController.PATH, created.get("token").asString(), null, null);

		assertThat(listed(created.get("id").asString()).get("lastUsedAt").isNull()).isFalse();
	}

	@Test
	void createWhenNameInvalidOrTakenThenProblemAndNothingCreated() {
		Response invalid = admin("POST", "/api/admin/scim-clients", "{\"name\":\"Okta Prod\"}");
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.contentType()).startsWith("application/problem+json");
		assertThat(invalid.json().get("field").asString()).isEqualTo("name");
		assertThat(admin("POST", "/api/admin/scim-clients", null).status()).isEqualTo(400);

		String name = unique("okta-");
		createClient(name);
		Response taken = admin("POST", "/api/admin/scim-clients", "{\"name\":\"" + name + "\"}");
		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.body()).doesNotContain("lys_");
		assertThat(admin("GET", "/api/admin/scim-clients", null).json().get("clients").findValuesAsString("name"))
			.filteredOn(name::equals)
			.hasSize(1);
	}

	@Test
	void createWhenNotAnAdministratorThenRefused() {
		assertThat(call("POST", "/api/admin/scim-clients", null, "{\"name\":\"okta\"}", null).status()).isEqualTo(401);
		assertThat(call("POST", "/api/admin/scim-clients", jwks.token("publisher-1", "publisher"),
				"{\"name\":\"okta\"}", null)
			.status()).isEqualTo(403);
	}

	@Test
	void rotateWhenRevokedOrUnknownThenProblem() {
		String id = createClient(unique("okta-")).get("id").asString();
		assertThat(admin("DELETE", "/api/admin/scim-clients/" + id, null).status()).isEqualTo(204);
		assertThat(admin("DELETE", "/api/admin/scim-clients/" + id, null).status()).isEqualTo(204);

		Response revoked = admin("POST", "/api/admin/scim-clients/" + id + "/rotate", null);

		assertThat(revoked.status()).isEqualTo(409);
		assertThat(revoked.body()).doesNotContain("lys_");
		assertThat(admin("POST", "/api/admin/scim-clients/00000000-0000-0000-0000-000000000000/rotate", null).status())
			.isEqualTo(404);
		assertThat(admin("DELETE", "/api/admin/scim-clients/00000000-0000-0000-0000-000000000000", null).status())
			.isEqualTo(404);
	}

	@Test
	void adminWhenClientCreatedRotatedAndRevokedThenEachOnTheTrailWithoutTheSecret() {
		String name = unique("okta-");
		String correlationId = unique("scim-client-");
		Response created = call("POST", "/api/admin/scim-clients", adminToken(), "{\"name\":\"" + name + "\"}",
				correlationId);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		Response rotated = call("POST", "/api/admin/scim-clients/" + id + "/rotate", adminToken(), null, correlationId);
		assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
		assertThat(call("DELETE", "/api/admin/scim-clients/" + id, adminToken(), null, correlationId).status())
			.isEqualTo(204);

		List<ConsumerRecord<String, ScimClientChanged>> changes = kafka.await(ScimClientChanged.class, correlationId,
				(list) -> list.size() >= 3, EVENTUALLY);

		assertThat(changes).extracting((record) -> record.value().getAction())
			.containsExactly("created", "rotated", "revoked");
		assertThat(changes).allSatisfy((record) -> {
			assertThat(record.key()).isEqualTo(id);
			assertThat(record.topic()).isEqualTo(Topics.SCIM_CLIENT_CHANGED.name());
			assertThat(record.value().getClientId()).isEqualTo(id);
			assertThat(record.value().getName()).isEqualTo(name);
			assertThat(record.value().getActorId()).isEqualTo("admin-client");
			assertThat(record.value().getProducer()).isEqualTo("user-provisioning");
			assertThat(record.value().toString()).doesNotContain(created.json().get("token").asString().substring(4))
				.doesNotContain(rotated.json().get("token").asString().substring(4));
		});
	}

	private JsonNode createClient(String name) {
		Response created = admin("POST", "/api/admin/scim-clients", "{\"name\":\"" + name + "\"}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json();
	}

	private JsonNode listed(String id) {
		for (JsonNode client : admin("GET", "/api/admin/scim-clients", null).json().get("clients")) {
			if (client.get("id").asString().equals(id)) {
				return client;
			}
		}
		throw new AssertionError("SCIM client " + id + " not listed");
	}

	private static void assertUnauthorizedScimError(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/scim+json");
		assertThat(response.wwwAuthenticate()).startsWith("Bearer");
		assertThat(response.json().get("schemas").get(0).asString()).isEqualTo(SCIM_ERROR);
		assertThat(response.json().get("status").asString()).isEqualTo("401");
		assertThat(response.json().get("status").isString()).isTrue();
	}

}
