package dev.lanyard.tokenbroker.service;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdminApiIT extends ServiceTestSupport {

	@Test
	@Order(1)
	void adminApiWhenNoBearerThen401Problem() {
		Response response = get("/api/admin/clients", null);
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer"));
		assertThat(response.json().get("status").asInt()).isEqualTo(401);
	}

	@Test
	@Order(2)
	void adminApiWhenBearerInvalidThen401Problem() {
		Response response = get("/api/admin/clients", "eyJhbGciOiJFUzI1NiJ9.e30.c2ln");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	@Test
	@Order(3)
	void adminApiWhenNotAdministratorThen403Problem() {
		// an auditor's token is not even meant for this service: 401, in TokenEndpointIT
		RegisteredClient content = createClient("content");
		Response response = get("/api/admin/clients", token(content.clientId(), content.secret()));
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("title").asString()).isEqualTo("Forbidden");
	}

	@Test
	@Order(4)
	void createWhenAdministratorThen201WithSecretOnceAnd409OnRepeat() {
		String admin = adminToken();
		String clientId = "c-" + UUID.randomUUID();
		Response created = postJson("/api/admin/clients", admin,
				Map.of("clientId", clientId, "name", "Sales dashboard", "kind", "content"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.headers().firstValue("Location")).hasValue("/api/admin/clients/" + clientId);
		assertThat(created.json().get("clientId").asString()).isEqualTo(clientId);
		assertThat(created.json().get("name").asString()).isEqualTo("Sales dashboard");
		assertThat(created.json().get("kind").asString()).isEqualTo("content");
		assertThat(created.json().get("clientSecret").asString()).hasSize(43);
		assertThat(created.json().hasNonNull("createdAt")).isTrue();

		Response again = postJson("/api/admin/clients", admin,
				Map.of("clientId", clientId, "name", "Other", "kind", "auditor"));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.contentType()).startsWith("application/problem+json");

		Response one = get("/api/admin/clients/" + clientId, admin);
		assertThat(one.status()).isEqualTo(200);
		assertThat(one.json().hasNonNull("clientSecret")).isFalse();
		assertThat(one.body()).doesNotContain("secret");

		Response list = get("/api/admin/clients", admin);
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.json().valueStream().map((c) -> c.get("clientId").asString())).contains(clientId, ADMIN_ID);
		assertThat(list.body()).doesNotContain("clientSecret");
	}

	@Test
	@Order(5)
	void createWhenGeneratedIdThen201() {
		Response created = postJson("/api/admin/clients", adminToken(), Map.of("name", "Job", "kind", "content"));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("clientId").asString()).isNotBlank();
	}

	@Test
	@Order(6)
	void createWhenBadInputThen400Problem() {
		String admin = adminToken();
		Response badKind = postJson("/api/admin/clients", admin, Map.of("name", "x", "kind", "viewer"));
		assertThat(badKind.status()).isEqualTo(400);
		assertThat(badKind.contentType()).startsWith("application/problem+json");
		assertThat(badKind.json().get("detail").asString()).contains("kind must be one of");

		Response noName = postJson("/api/admin/clients", admin, Map.of("kind", "content"));
		assertThat(noName.status()).isEqualTo(400);

		Response badId = postJson("/api/admin/clients", admin,
				Map.of("clientId", "a:b", "name", "x", "kind", "content"));
		assertThat(badId.status()).isEqualTo(400);

		Response malformed = postJson("/api/admin/clients", admin, "{not json");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.contentType()).startsWith("application/problem+json");
	}

	@Test
	@Order(7)
	void rotateWhenCalledThenOldSecretRejectedNewAccepted() {
		RegisteredClient client = createClient("content");
		token(client.clientId(), client.secret());
		Response rotated = postJson("/api/admin/clients/" + client.clientId() + "/secret", adminToken(), "");
		assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
		assertThat(rotated.json().get("clientId").asString()).isEqualTo(client.clientId());
		String newSecret = rotated.json().get("clientSecret").asString();

		assertThat(clientCredentials(client.clientId(), client.secret()).status()).isEqualTo(401);
		assertThat(clientCredentials(client.clientId(), newSecret).status()).isEqualTo(200);
	}

	@Test
	@Order(8)
	void deleteWhenCalledThen204AndClientGone() {
		RegisteredClient client = createClient("content");
		token(client.clientId(), client.secret());
		String admin = adminToken();
		assertThat(delete("/api/admin/clients/" + client.clientId(), admin).status()).isEqualTo(204);
		assertThat(clientCredentials(client.clientId(), client.secret()).status()).isEqualTo(401);
		Response gone = get("/api/admin/clients/" + client.clientId(), admin);
		assertThat(gone.status()).isEqualTo(404);
		assertThat(gone.contentType()).startsWith("application/problem+json");
		assertThat(delete("/api/admin/clients/" + client.clientId(), admin).status()).isEqualTo(404);
		assertThat(postJson("/api/admin/clients/" + client.clientId() + "/secret", admin, "").status()).isEqualTo(404);
	}

}
