package dev.lanyard.integrations.service;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.lanyard.events.IntegrationChanged;
import dev.lanyard.integrations.secrets.application.SealedSecret;
import dev.lanyard.integrations.secrets.application.SecretCipher;
import dev.lanyard.launcher.Infrastructure;
import dev.lanyard.testing.jwt.TestJwks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin API, the templates, the internal secret endpoint and the snapshots they
 * publish.
 */
class IntegrationsApiIT extends ServiceTestSupport {

	private static final Duration EVENTUALLY = Duration.ofSeconds(30);

	private static IntegrationChangedRecords records;

	@BeforeAll
	static void readTopic() {
		records = new IntegrationChangedRecords(Infrastructure.shared());
	}

	@AfterAll
	static void close() {
		records.close();
	}

	// ---- templates and access

	@Test
	void templatesWhenAnyValidTokenThenEveryTemplateWithItsKinds() {
		Response response = get("/api/integration-templates", jwks.token("content-7", "viewer"));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		Map<String, JsonNode> templates = new LinkedHashMap<>();
		response.node().get("templates").forEach((t) -> templates.put(t.get("id").asString(), t));
		assertThat(templates).containsKeys("custom", "databricks", "snowflake", "salesforce", "microsoft-entra",
				"microsoft-graph", "github", "google");
		assertThat(templates.get("github").get("kinds").toString()).isEqualTo("[\"viewer\"]");
		assertThat(templates.get("custom").get("kinds").toString()).isEqualTo("[\"viewer\",\"service-account\"]");
		assertThat(templates.get("microsoft-entra").get("tokenEndpointPattern").asString())
			.isEqualTo("https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token");
		assertThat(templates.get("microsoft-entra").get("parameters").toString()).isEqualTo("[\"tenant\"]");
		assertThat(templates.get("snowflake").get("requiredFields").get("viewer").toString())
			.contains("parameters.account");
		assertThat(templates.get("databricks").get("defaultScopes").get("viewer").toString())
			.isEqualTo("[\"all-apis\",\"offline_access\"]");
	}

	@Test
	void templatesWhenUserSessionTokenThenListed() {
		Response response = get("/api/integration-templates",
				jwks.token().tokenType(TestJwks.USER_SESSION).subject("user-7").roles("publisher").sign());
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.node().get("templates")).isNotEmpty();
	}

	@Test
	void templatesWhenInternalServiceTokenThen403NamingTokenTypes() {
		Response response = get("/api/integration-templates",
				jwks.token()
					.tokenType(TestJwks.INTERNAL_SERVICE)
					.audience("integration-registry")
					.subject("token-broker")
					.roles("token-broker")
					.sign());
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.node().get("detail").asString())
			.contains("requires a token of type content-session or user-session");
	}

	@Test
	void templatesWhenNoTokenThen401ProblemDetails() {
		Response response = get("/api/integration-templates", null);
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.raw().headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((value) -> assertThat(value).startsWith("Bearer"));
		assertThat(response.node().get("status").asInt()).isEqualTo(401);
	}

	@Test
	void integrationsWhenNotAdministratorThen403ProblemDetails() {
		Response response = get("/api/integrations", jwks.token("someone", "viewer", "publisher"));
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.node().get("detail").asString()).contains("requires the role administrator");
	}

	@Test
	void integrationsWhenUserSessionTokenOfAnAdministratorThen403NamingTokenType() {
		Response response = get("/api/integrations",
				jwks.token().tokenType(TestJwks.USER_SESSION).subject("user-7").roles("administrator").sign());
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.node().get("detail").asString()).contains("requires a token of type content-session")
			.contains("user-session");
		assertThat(post("/api/integrations",
				jwks.token().tokenType(TestJwks.USER_SESSION).subject("user-7").roles("administrator").sign(),
				serviceAccount("By user session " + UUID.randomUUID(), secret()))
			.status()).isEqualTo(403);
	}

	@Test
	void integrationsWhenTokenWithoutTokenTypeOrInternalServiceThen403() {
		assertThat(get("/api/integrations", jwks.token().tokenType(null).subject(ADMIN).roles("administrator").sign())
			.status()).isEqualTo(403);
		assertThat(get("/api/integrations",
				jwks.token()
					.tokenType(TestJwks.INTERNAL_SERVICE)
					.audience("integration-registry")
					.subject(ADMIN)
					.roles("administrator")
					.sign())
			.status()).isEqualTo(403);
	}

	@Test
	void integrationsAndTemplatesWhenAuditorsRelayedAuditTokenThenRefused() {
		// as token-broker mints it for the gateway's relay to audit: meant for audit
		// alone
		String asMinted = jwks.token()
			.audience("audit")
			.tokenType("user-audit")
			.subject("user-1")
			.roles("auditor")
			.sign();
		assertThat(get("/api/integration-templates", asMinted).status()).isEqualTo(401);
		assertThat(get("/api/integrations", asMinted).status()).isEqualTo(401);
		// even were its audience ours, its kind opens nothing here
		String retargeted = jwks.token().tokenType("user-audit").subject("user-1").roles("administrator").sign();
		assertThat(get("/api/integration-templates", retargeted).status()).isEqualTo(403);
		assertThat(get("/api/integrations", retargeted).status()).isEqualTo(403);
	}

	@Test
	void integrationsWhenContentSessionTokenOfAnAdministratorThenAllowed() {
		Response response = get("/api/integrations",
				jwks.token().tokenType(TestJwks.CONTENT_SESSION).subject(ADMIN).roles("administrator").sign());
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	@Test
	void integrationsWhenForgedOrForeignTokenThen401() {
		assertThat(
				get("/api/integrations", jwks.token().signedByStranger().subject(ADMIN).roles("administrator").sign())
					.status())
			.isEqualTo(401);
		assertThat(get("/api/integrations",
				jwks.token().issuer("http://evil.example").subject(ADMIN).roles("administrator").sign())
			.status()).isEqualTo(401);
		assertThat(get("/api/integrations", "not-a-jwt").status()).isEqualTo(401);
	}

	@Test
	void integrationsWhenRs256AdministratorTokenThenAccepted() {
		assertThat(get("/api/integrations", jwks.token().rs256().subject(ADMIN).roles("administrator").sign()).status())
			.isEqualTo(200);
	}

	// ---- create, read, snapshot

	@Test
	void createWhenServiceAccountThenSnapshotOnTopicAndSecretNowhere() {
		String secret = secret();
		Response created = send(request("/api/integrations", adminToken()).header("Content-Type", "application/json")
			.header("X-Correlation-Id", "corr-create-1")
			.POST(java.net.http.HttpRequest.BodyPublishers
				.ofString(this.json.writeValueAsString(serviceAccount("Warehouse " + UUID.randomUUID(), secret)))));

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.node().get("id").asString();
		assertThat(created.raw().headers().firstValue("Location")).hasValue("/api/integrations/" + id);
		JsonNode body = created.node();
		assertThat(body.get("hasClientSecret").asBoolean()).isTrue();
		assertThat(body.get("secretVersion").asLong()).isEqualTo(1);
		assertThat(body.get("kind").asString()).isEqualTo("service-account");
		assertThat(body.get("createdBy").asString()).isEqualTo(ADMIN);
		assertThat(body.has("clientSecret")).isFalse();
		assertThat(created.body()).doesNotContain(secret);
		assertThat(get("/api/integrations/" + id, adminToken()).body()).doesNotContain(secret).contains(id);
		assertThat(get("/api/integrations", adminToken()).body()).doesNotContain(secret).contains(id);

		List<IntegrationChangedRecords.Snapshot> snapshots = records.awaitFor(id, (list) -> !list.isEmpty(),
				EVENTUALLY);
		assertThat(snapshots).hasSize(1);
		IntegrationChanged event = snapshots.getFirst().event();
		assertThat(event.getIntegrationId()).isEqualTo(id);
		assertThat(event.getProducer()).isEqualTo("integration-registry");
		assertThat(event.getActorId()).isEqualTo(ADMIN);
		assertThat(event.getCorrelationId()).isEqualTo("corr-create-1");
		assertThat(event.getKind()).isEqualTo("service-account");
		assertThat(event.getTemplate()).isEqualTo("custom");
		assertThat(event.getTokenEndpoint()).isEqualTo(provider.url("/token"));
		assertThat(event.getClientId()).isEqualTo(PROVIDER_CLIENT);
		assertThat(event.getSecretVersion()).isEqualTo(1);
		assertThat(event.getScopes()).containsExactly("read", "write");
		assertThat(event.getAudience()).isEqualTo("https://warehouse.example.com");
		assertThat(event.getMaxTokenLifetimeSeconds()).isEqualTo(900L);
		assertThat(event.getAllowedGroupIds()).containsExactly("g-analysts");
		assertThat(event.getContentIds()).isEmpty();
		assertThat(event.getDeleted()).isFalse();
		assertThat(new String(snapshots.getFirst().raw(), StandardCharsets.ISO_8859_1)).doesNotContain(secret);
		assertThat(event.toString()).doesNotContain(secret);

		Map<String, Object> row = this.jdbc.queryForMap(
				"select client_secret_ciphertext, client_secret_key_id from integration where id = ?::uuid", id);
		assertThat(row.get("client_secret_key_id")).isEqualTo(KEY_ID);
		assertThat(new String((byte[]) row.get("client_secret_ciphertext"), StandardCharsets.ISO_8859_1))
			.doesNotContain(secret);
	}

	@Test
	void createWhenViewerFromTemplateParametersThenEndpointsDerived() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", "Entra " + UUID.randomUUID());
		body.put("template", "microsoft-entra");
		body.put("kind", "viewer");
		body.put("parameters", Map.of("tenant", "contoso.onmicrosoft.com"));
		body.put("clientId", "entra-client");
		body.put("clientSecret", secret());
		Response created = post("/api/integrations", adminToken(), body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.node().get("authorizationEndpoint").asString())
			.isEqualTo("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize");
		assertThat(created.node().get("scopes").toString())
			.isEqualTo("[\"https://management.azure.com/.default\",\"offline_access\"]");
	}

	@Test
	void createWhenInvalidThen400NamingTheFieldAndNothingStored() {
		int before = count();
		Map<String, Object> githubRobot = new LinkedHashMap<>(serviceAccount("GitHub robot", secret()));
		githubRobot.put("template", "github");
		githubRobot.remove("tokenEndpoint");
		assertBadRequest(post("/api/integrations", adminToken(), githubRobot), "kind");

		Map<String, Object> plainHttp = new LinkedHashMap<>(serviceAccount("Plain http", secret()));
		plainHttp.put("tokenEndpoint", "http://idp.example.com/token");
		assertBadRequest(post("/api/integrations", adminToken(), plainHttp), "tokenEndpoint");

		Map<String, Object> noSecret = new LinkedHashMap<>(serviceAccount("No secret", null));
		assertBadRequest(post("/api/integrations", adminToken(), noSecret), "clientSecret");

		Map<String, Object> wrongType = new LinkedHashMap<>(serviceAccount("Wrong type", secret()));
		wrongType.put("maxTokenLifetimeSeconds", "forever");
		assertBadRequest(post("/api/integrations", adminToken(), wrongType), "maxTokenLifetimeSeconds");

		Response notJson = post("/api/integrations", adminToken(), "{\"name\":");
		assertThat(notJson.status()).isEqualTo(400);
		assertThat(notJson.contentType()).startsWith("application/problem+json");

		assertThat(count()).isEqualTo(before);
	}

	@Test
	void createWhenNameTakenIgnoringCaseThen409() {
		String name = "Duplicate " + UUID.randomUUID();
		assertThat(post("/api/integrations", adminToken(), serviceAccount(name, secret())).status()).isEqualTo(201);
		Response conflict = post("/api/integrations", adminToken(), serviceAccount(name.toUpperCase(), secret()));
		assertThat(conflict.status()).isEqualTo(409);
		assertThat(conflict.contentType()).startsWith("application/problem+json");
		assertThat(conflict.node().get("field").asString()).isEqualTo("name");
	}

	@Test
	void getWhenUnknownThen404ProblemDetails() {
		Response unknown = get("/api/integrations/" + UUID.randomUUID(), adminToken());
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
		assertThat(get("/api/integrations/not-a-uuid", adminToken()).status()).isEqualTo(404);
		assertThat(delete("/api/integrations/" + UUID.randomUUID(), adminToken()).status()).isEqualTo(404);
	}

	// ---- update, rotate, associations, delete

	@Test
	void updateWhenValidThenNewSnapshotAndSecretKept() {
		String secret = secret();
		String id = create(serviceAccount("Update me " + UUID.randomUUID(), secret));
		Map<String, Object> changed = new LinkedHashMap<>(serviceAccount("Updated " + UUID.randomUUID(), null));
		changed.remove("clientSecret");
		changed.put("scopes", List.of("read"));
		changed.put("allowedGroupIds", List.of("g-2", "g-1"));
		Response updated = put("/api/integrations/" + id, adminToken(), changed);

		assertThat(updated.status()).as(updated.body()).isEqualTo(200);
		assertThat(updated.node().get("version").asLong()).isEqualTo(2);
		assertThat(updated.node().get("secretVersion").asLong()).isEqualTo(1);
		IntegrationChanged last = lastSnapshot(id, 2);
		assertThat(last.getName()).isEqualTo(changed.get("name"));
		assertThat(last.getScopes()).containsExactly("read");
		assertThat(last.getAllowedGroupIds()).containsExactly("g-1", "g-2");
		assertThat(secretOf(id).node().get("clientSecret").asString()).isEqualTo(secret);

		Map<String, Object> withSecret = new LinkedHashMap<>(changed);
		withSecret.put("clientSecret", secret());
		assertBadRequest(put("/api/integrations/" + id, adminToken(), withSecret), "clientSecret");
	}

	@Test
	void rotateSecretWhenCalledThenVersionUpAndTokenBrokerGetsTheNewSecret() {
		String id = create(serviceAccount("Rotate " + UUID.randomUUID(), secret()));
		String rotatedSecret = secret();
		Response rotated = put("/api/integrations/" + id + "/client-secret", adminToken(),
				Map.of("clientSecret", rotatedSecret));

		assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
		assertThat(rotated.body()).doesNotContain(rotatedSecret);
		assertThat(rotated.node().get("secretVersion").asLong()).isEqualTo(2);
		assertThat(lastSnapshot(id, 2).getSecretVersion()).isEqualTo(2);
		JsonNode delivered = secretOf(id).node();
		assertThat(delivered.get("secretVersion").asLong()).isEqualTo(2);
		assertThat(delivered.get("clientSecret").asString()).isEqualTo(rotatedSecret);
		assertBadRequest(put("/api/integrations/" + id + "/client-secret", adminToken(), Map.of()), "clientSecret");
	}

	@Test
	void contentWhenLinkedAndUnlinkedThenSnapshotsFollow() {
		String id = create(serviceAccount("Content " + UUID.randomUUID(), secret()));
		Response linked = put("/api/integrations/" + id + "/content/c-42", adminToken(), "");
		assertThat(linked.status()).as(linked.body()).isEqualTo(200);
		assertThat(put("/api/integrations/" + id + "/content/c-7", adminToken(), "").status()).isEqualTo(200);
		assertThat(lastSnapshot(id, 3).getContentIds()).containsExactly("c-42", "c-7");
		assertThat(get("/api/integrations/" + id + "/content", adminToken()).node().get("contentIds").toString())
			.isEqualTo("[\"c-42\",\"c-7\"]");

		assertThat(delete("/api/integrations/" + id + "/content/c-42", adminToken()).status()).isEqualTo(204);
		assertThat(lastSnapshot(id, 4).getContentIds()).containsExactly("c-7");
		assertThat(delete("/api/integrations/" + id + "/content/c-42", adminToken()).status()).isEqualTo(404);
		assertBadRequest(put("/api/integrations/" + id + "/content/bad%20id", adminToken(), ""), "contentId");
	}

	@Test
	void deleteWhenCalledThenDeletedSnapshotAndGoneEverywhere() {
		String id = create(serviceAccount("Delete " + UUID.randomUUID(), secret()));
		put("/api/integrations/" + id + "/content/c-1", adminToken(), "");

		assertThat(delete("/api/integrations/" + id, adminToken()).status()).isEqualTo(204);

		IntegrationChanged last = lastSnapshot(id, 3);
		assertThat(last.getDeleted()).isTrue();
		assertThat(last.getContentIds()).isEmpty();
		assertThat(get("/api/integrations/" + id, adminToken()).status()).isEqualTo(404);
		assertThat(secretOf(id).status()).isEqualTo(404);
		assertThat(delete("/api/integrations/" + id, adminToken()).status()).isEqualTo(404);
		assertThat(this.jdbc.queryForObject(
				"select client_secret_ciphertext is null from integration where id = ?::uuid", Boolean.class, id))
			.isTrue();
	}

	// ---- internal secret delivery

	@Test
	void internalSecretWhenTokenBrokerThenSecretWithNoStore() {
		String secret = secret();
		String id = create(serviceAccount("Internal " + UUID.randomUUID(), secret));
		Response response = secretOf(id);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.node().get("integrationId").asString()).isEqualTo(id);
		assertThat(response.node().get("secretVersion").asLong()).isEqualTo(1);
		assertThat(response.node().get("clientSecret").asString()).isEqualTo(secret);
		assertThat(response.raw().headers().firstValue("Cache-Control"))
			.hasValueSatisfying((value) -> assertThat(value).contains("no-store"));
	}

	@Test
	void internalSecretWhenAnyoneElseThen401Or403WithoutTheSecret() {
		String secret = secret();
		String id = create(serviceAccount("Internal denied " + UUID.randomUUID(), secret));
		String path = "/internal/integrations/" + id + "/client-secret";
		List<Response> refused = new ArrayList<>();
		refused.add(get(path, null));
		refused.add(get(path, adminToken()));
		refused.add(get(path, jwks.token("content-1", "viewer")));
		refused.add(get(path,
				jwks.token().issuer("http://evil.example").subject("token-broker").roles("token-broker").sign()));
		refused.add(get(path, jwks.token().signedByStranger().subject("token-broker").roles("token-broker").sign()));
		refused.add(get(path,
				jwks.token()
					.tokenType(TestJwks.INTERNAL_SERVICE)
					.audience("user-provisioning")
					.subject("token-broker")
					.roles("token-broker")
					.sign()));
		refused.add(get(path,
				jwks.token()
					.tokenType(TestJwks.INTERNAL_SERVICE)
					.audience("integration-registry")
					.subject("content-1")
					.roles("viewer")
					.sign()));
		refused.add(get(path,
				jwks.token()
					.tokenType(TestJwks.CONTENT_SESSION)
					.audience("integration-registry")
					.subject("token-broker")
					.roles("token-broker")
					.sign()));
		refused.add(get(path,
				jwks.token()
					.tokenType(TestJwks.USER_SESSION)
					.audience("integration-registry")
					.subject("token-broker")
					.roles("token-broker")
					.sign()));
		refused.add(get(path,
				jwks.token()
					.tokenType(null)
					.audience("integration-registry")
					.subject("token-broker")
					.roles("token-broker")
					.sign()));
		assertThat(refused).extracting(Response::status)
			.containsExactly(401, 403, 403, 401, 401, 401, 403, 403, 403, 403);
		assertThat(refused).allSatisfy((response) -> {
			assertThat(response.body()).doesNotContain(secret);
			assertThat(response.contentType()).startsWith("application/problem+json");
		});
	}

	@Test
	void apiWhenTokenMeantForAnotherServiceOrNotAnAccessTokenThen401() {
		assertThat(get("/api/integrations",
				jwks.token()
					.tokenType(TestJwks.CONTENT_SESSION)
					.audience("audit")
					.subject(ADMIN)
					.roles("administrator")
					.sign())
			.status()).as("audience audit only").isEqualTo(401);
		assertThat(
				get("/api/integrations", jwks.token().typ("JWT").subject(ADMIN).roles("administrator").sign()).status())
			.as("typ JWT")
			.isEqualTo(401);
		assertThat(
				get("/api/integrations", jwks.token().typ(null).subject(ADMIN).roles("administrator").sign()).status())
			.as("no typ")
			.isEqualTo(401);
		assertThat(get("/api/integrations", jwks.token().typ("at+jwt").subject(ADMIN).roles("administrator").sign())
			.status()).isEqualTo(200);
	}

	@Test
	void internalSecretWhenContentSessionTokenWithRoleTokenBrokerThen403NamingTokenType() {
		String secret = secret();
		String id = create(serviceAccount("Internal content session " + UUID.randomUUID(), secret));
		Response response = get("/internal/integrations/" + id + "/client-secret",
				jwks.token()
					.tokenType(TestJwks.CONTENT_SESSION)
					.audience("integration-registry")
					.subject("token-broker")
					.roles("token-broker")
					.sign());
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body()).doesNotContain(secret);
		assertThat(response.node().get("detail").asString())
			.isEqualTo("Fetching client secrets requires a token of type internal-service;"
					+ " this token's lanyard_token_type is content-session");
	}

	// ---- key-encryption key rotation

	@Test
	void rewrapWhenSecretSealedUnderRetiredKeyThenRewrappedUnderActiveAndStillDelivered() {
		String secret = secret();
		String id = create(serviceAccount("Rewrap " + UUID.randomUUID(), secret()));
		SealedSecret old = new SecretCipher(OLD_KEY_ID, Map.of(OLD_KEY_ID, OLD_KEY)).seal(UUID.fromString(id), secret);
		this.jdbc.update(
				"update integration set client_secret_ciphertext = ?, client_secret_key_id = ?" + " where id = ?::uuid",
				old.ciphertext(), old.keyId(), id);

		Response rewrapped = post("/api/integration-secrets/rewrap", adminToken(), "");

		assertThat(rewrapped.status()).as(rewrapped.body()).isEqualTo(200);
		assertThat(rewrapped.node().get("activeKeyId").asString()).isEqualTo(KEY_ID);
		assertThat(rewrapped.node().get("rewrapped").asInt()).isGreaterThanOrEqualTo(1);
		assertThat(this.jdbc.queryForObject("select client_secret_key_id from integration where id = ?::uuid",
				String.class, id))
			.isEqualTo(KEY_ID);
		assertThat(this.jdbc.queryForObject("select count(*) from integration where client_secret_key_id = ?",
				Integer.class, OLD_KEY_ID))
			.isZero();
		JsonNode delivered = secretOf(id).node();
		assertThat(delivered.get("clientSecret").asString()).isEqualTo(secret);
		assertThat(delivered.get("secretVersion").asLong()).isEqualTo(1);
		assertThat(post("/api/integration-secrets/rewrap", jwks.token("content-1", "viewer"), "").status())
			.isEqualTo(403);
	}

	// ---- connection test

	@Test
	void testWhenServiceAccountThenClientCredentialsReportedWithoutToken() {
		String id = create(serviceAccount("Test ok " + UUID.randomUUID(), PROVIDER_SECRET));
		Response result = post("/api/integrations/" + id + "/test", adminToken(), "");
		assertThat(result.status()).as(result.body()).isEqualTo(200);
		JsonNode check = result.node().get("checks").get(0);
		assertThat(result.node().get("ok").asBoolean()).isTrue();
		assertThat(check.get("check").asString()).isEqualTo("client-credentials");
		assertThat(check.get("httpStatus").asInt()).isEqualTo(200);
		assertThat(check.get("expiresIn").asLong()).isEqualTo(3600);
		assertThat(provider.issuedTokens()).isNotEmpty()
			.allSatisfy((token) -> assertThat(result.body()).doesNotContain(token));
		assertThat(result.body()).doesNotContain(PROVIDER_SECRET);
	}

	@Test
	void testWhenSecretWrongThenOAuthErrorReported() {
		String id = create(serviceAccount("Test wrong " + UUID.randomUUID(), secret()));
		Response result = post("/api/integrations/" + id + "/test", adminToken(), "");
		assertThat(result.status()).isEqualTo(200);
		assertThat(result.node().get("ok").asBoolean()).isFalse();
		assertThat(result.node().get("checks").get(0).get("error").asString()).isEqualTo("invalid_client");
	}

	@Test
	void testWhenViewerThenBothEndpointsAnswer() {
		Map<String, Object> viewer = new LinkedHashMap<>(serviceAccount("Viewer " + UUID.randomUUID(), secret()));
		viewer.put("kind", "viewer");
		viewer.put("authorizationEndpoint", provider.url("/authorize"));
		String id = create(viewer);
		Response result = post("/api/integrations/" + id + "/test", adminToken(), "");
		assertThat(result.status()).as(result.body()).isEqualTo(200);
		assertThat(result.node().get("ok").asBoolean()).isTrue();
		assertThat(result.node().get("checks")).extracting((node) -> node.get("check").asString())
			.containsExactly("authorization-endpoint", "token-endpoint");
	}

	// ---- helpers

	private String create(Map<String, Object> body) {
		Response created = post("/api/integrations", adminToken(), body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.node().get("id").asString();
	}

	private Response secretOf(String id) {
		return get("/internal/integrations/" + id + "/client-secret",
				jwks.token()
					.tokenType(TestJwks.INTERNAL_SERVICE)
					.audience("integration-registry")
					.subject("token-broker")
					.roles("token-broker")
					.sign());
	}

	private IntegrationChanged lastSnapshot(String id, int count) {
		List<IntegrationChangedRecords.Snapshot> snapshots = records.awaitFor(id, (list) -> list.size() >= count,
				EVENTUALLY);
		assertThat(snapshots).hasSize(count);
		return snapshots.getLast().event();
	}

	private int count() {
		return this.jdbc.queryForObject("select count(*) from integration", Integer.class);
	}

	private static void assertBadRequest(Response response, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.node().get("field").asString()).isEqualTo(field);
		assertThat(response.node().get("detail").asString()).startsWith(field);
	}

}
