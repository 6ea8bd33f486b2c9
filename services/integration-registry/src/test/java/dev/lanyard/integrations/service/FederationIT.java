package dev.lanyard.integrations.service;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.lanyard.events.IntegrationChanged;
import dev.lanyard.integrations.testing.FakeIssuer;
import dev.lanyard.launcher.Infrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Federation integrations and delegated viewer integrations through the API, read back
 * from the topic as token-broker reads them; discovery against a real HTTP issuer on
 * 127.0.0.1.
 */
class FederationIT extends ServiceTestSupport {

	private static final Duration EVENTUALLY = Duration.ofSeconds(30);

	private static IntegrationChangedRecords records;

	private static FakeIssuer issuer;

	@BeforeAll
	static void start() {
		records = new IntegrationChangedRecords(Infrastructure.shared());
		issuer = new FakeIssuer();
	}

	@AfterAll
	static void stop() {
		records.close();
		issuer.close();
	}

	@Test
	void createWhenOidcFederationWithStaticKeysThenDefaultsInViewAndRuleOnTopic() {
		Map<String, Object> federation = new LinkedHashMap<>();
		federation.put("issuer", "https://sso.example.com/realms/acme");
		federation.put("staticJwks", issuer.publicKeysAsObject());
		federation.put("audiences", List.of("lanyard"));
		federation.put("requiredClaims", Map.of("email_verified", "true"));
		Response created = post("/api/integrations", adminToken(),
				body("oidc-federation", "oidc-federation", federation));

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode view = created.node();
		assertThat(view.get("kind").asString()).isEqualTo("oidc-federation");
		assertThat(view.get("hasClientSecret").asBoolean()).isFalse();
		assertThat(view.get("tokenEndpoint").isNull()).isTrue();
		JsonNode rule = view.get("federation");
		assertThat(rule.get("issuer").asString()).isEqualTo("https://sso.example.com/realms/acme");
		assertThat(rule.get("algorithms").toString()).isEqualTo("[\"RS256\",\"ES256\"]");
		assertThat(rule.get("maxTokenAgeSeconds").asLong()).isEqualTo(300);
		assertThat(rule.get("clockSkewSeconds").asLong()).isEqualTo(60);
		assertThat(rule.get("allowJtiReuse").asBoolean()).isFalse();
		assertThat(rule.get("matchClaim").asString()).isEqualTo("sub");
		assertThat(rule.get("userField").asString()).isEqualTo("unique-id");
		assertThat(rule.get("createUsers").asBoolean()).isFalse();
		String id = view.get("id").asString();
		assertThat(get("/api/integrations/" + id, adminToken()).node().get("federation")).isEqualTo(rule);

		IntegrationChanged event = lastSnapshot(id);
		assertThat(event.getKind()).isEqualTo("oidc-federation");
		assertThat(event.getTokenEndpoint()).isEqualTo("https://sso.example.com/realms/acme");
		assertThat(event.getClientId()).isEmpty();
		assertThat(event.getSecretVersion()).isZero();
		assertThat(event.getDelegation()).isNull();
		assertThat(event.getFederation().getIssuer()).isEqualTo("https://sso.example.com/realms/acme");
		assertThat(event.getFederation().getJwksUri()).isNull();
		assertThat(event.getFederation().getStaticJwks()).contains("fake-issuer-1").doesNotContain("\"d\"");
		assertThat(event.getFederation().getAudiences()).containsExactly("lanyard");
		assertThat(event.getFederation().getRequiredClaims()).containsEntry("email_verified", "true");
		assertThat(event.getFederation().getContentId()).isNull();
	}

	@Test
	void createWhenWorkloadFederationFromGithubTemplateThenIssuerFromTemplateAndContentOnTopic() {
		Map<String, Object> federation = new LinkedHashMap<>();
		federation.put("staticJwks", issuer.publicKeys());
		federation.put("audiences", List.of("https://lanyard.example.com"));
		federation.put("algorithms", List.of("RS256"));
		federation.put("subjectRules",
				List.of(Map.of("type", "exact", "value", "repo:acme/app:ref:refs/heads/main"),
						Map.of("type", "expression", "value",
								"['repository'] == 'acme/app' and ['ref'] matches 'refs/heads/(main|release/.+)'")));
		federation.put("contentId", "content-ci-1");
		federation.put("tokenLifetimeSeconds", 600);
		Response created = post("/api/integrations", adminToken(),
				body("github-actions", "workload-federation", federation));

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		IntegrationChanged event = lastSnapshot(created.node().get("id").asString());
		assertThat(event.getKind()).isEqualTo("workload-federation");
		assertThat(event.getTemplate()).isEqualTo("github-actions");
		assertThat(event.getTokenEndpoint()).isEqualTo("https://token.actions.githubusercontent.com");
		assertThat(event.getFederation().getIssuer()).isEqualTo("https://token.actions.githubusercontent.com");
		assertThat(event.getFederation().getContentId()).isEqualTo("content-ci-1");
		assertThat(event.getFederation().getAlgorithms()).containsExactly("RS256");
		assertThat(event.getFederation().getTokenLifetimeSeconds()).isEqualTo(600L);
		assertThat(event.getFederation().getSubjectRules()).hasSize(2)
			.first()
			.satisfies((rule) -> assertThat(rule.getType()).isEqualTo("exact"));
	}

	@Test
	void createWhenNoKeysGivenThenDiscoveredJwksUriPublishedAndTestCountsKeys() {
		Map<String, Object> federation = new LinkedHashMap<>();
		federation.put("issuer", issuer.issuer());
		federation.put("audiences", List.of("lanyard"));
		Response created = post("/api/integrations", adminToken(),
				body("oidc-federation", "oidc-federation", federation));

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.node().get("federation").get("jwksUri").asString()).isEqualTo(issuer.issuer() + "/jwks");
		assertThat(created.node().get("federation").get("jwksUriDiscovered").asBoolean()).isTrue();
		String id = created.node().get("id").asString();
		assertThat(lastSnapshot(id).getFederation().getJwksUri()).isEqualTo(issuer.issuer() + "/jwks");

		Response tested = post("/api/integrations/" + id + "/test", adminToken(), "");
		assertThat(tested.status()).as(tested.body()).isEqualTo(200);
		assertThat(tested.node().get("ok").asBoolean()).as(tested.body()).isTrue();
		assertThat(tested.node().get("checks").get(0).get("check").asString()).isEqualTo("discovery");
		assertThat(tested.node().get("checks").get(1).get("keyCount").asInt()).isEqualTo(1);
	}

	@Test
	void createWhenIssuerHasATrailingSlashTheDocumentLacksThen400NamingIssuerAndNothingStored() {
		int before = count();
		Map<String, Object> federation = new LinkedHashMap<>();
		federation.put("issuer", issuer.issuer() + "/");
		federation.put("audiences", List.of("lanyard"));
		Response refused = post("/api/integrations", adminToken(),
				body("oidc-federation", "oidc-federation", federation));

		assertBadRequest(refused, "federation.issuer");
		assertThat(refused.body()).contains("another issuer");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void createWhenDiscoveryUnreachableThen400NamingIssuer() {
		Map<String, Object> federation = new LinkedHashMap<>();
		federation.put("issuer", "http://127.0.0.1:9");
		federation.put("audiences", List.of("lanyard"));
		assertBadRequest(
				post("/api/integrations", adminToken(), body("oidc-federation", "oidc-federation", federation)),
				"federation.issuer");
	}

	@Test
	void createWhenRuleUnacceptableThen400NamingTheField() {
		Map<String, Object> none = new LinkedHashMap<>();
		none.put("issuer", "https://sso.example.com");
		none.put("staticJwks", issuer.publicKeys());
		none.put("audiences", List.of("lanyard"));
		none.put("algorithms", List.of("none"));
		assertBadRequest(post("/api/integrations", adminToken(), body("oidc-federation", "oidc-federation", none)),
				"federation.algorithms");

		Map<String, Object> privateKeys = new LinkedHashMap<>(none);
		privateKeys.remove("algorithms");
		privateKeys.put("staticJwks", issuer.privateKeys());
		assertBadRequest(
				post("/api/integrations", adminToken(), body("oidc-federation", "oidc-federation", privateKeys)),
				"federation.staticJwks");

		Map<String, Object> everyToken = new LinkedHashMap<>(none);
		everyToken.remove("algorithms");
		everyToken.put("contentId", "content-1");
		assertBadRequest(
				post("/api/integrations", adminToken(), body("oidc-federation", "workload-federation", everyToken)),
				"federation.subjectRules");

		Map<String, Object> valid = new LinkedHashMap<>(none);
		valid.remove("algorithms");
		Map<String, Object> withSecret = body("oidc-federation", "oidc-federation", valid);
		withSecret.put("clientSecret", secret());
		assertBadRequest(post("/api/integrations", adminToken(), withSecret), "clientSecret");

		Map<String, Object> withClientId = body("oidc-federation", "oidc-federation", valid);
		withClientId.put("clientId", "lanyard");
		assertBadRequest(post("/api/integrations", adminToken(), withClientId), "clientId");
	}

	@Test
	void createWhenViewerWithDelegationThenNoAuthorizationEndpointAndDelegationOnTopic() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", "Delegated " + UUID.randomUUID());
		body.put("template", "custom");
		body.put("kind", "viewer");
		body.put("delegation", "token-exchange");
		body.put("tokenEndpoint", provider.url("/token"));
		body.put("clientId", PROVIDER_CLIENT);
		body.put("clientSecret", secret());
		body.put("scopes", List.of("read"));
		body.put("audience", "https://warehouse.example.com");
		Response created = post("/api/integrations", adminToken(), body);

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.node().get("delegation").asString()).isEqualTo("token-exchange");
		assertThat(created.node().get("authorizationEndpoint").isNull()).isTrue();
		IntegrationChanged event = lastSnapshot(created.node().get("id").asString());
		assertThat(event.getKind()).isEqualTo("viewer");
		assertThat(event.getDelegation()).isEqualTo("token-exchange");
		assertThat(event.getAuthorizationEndpoint()).isNull();
		assertThat(event.getSecretVersion()).isEqualTo(1);
		assertThat(event.getFederation()).isNull();

		Map<String, Object> obo = new LinkedHashMap<>(body);
		obo.put("name", "Entra OBO " + UUID.randomUUID());
		obo.put("delegation", "jwt-bearer-obo");
		obo.put("clientSecret", secret());
		Response oboCreated = post("/api/integrations", adminToken(), obo);
		assertThat(oboCreated.status()).as(oboCreated.body()).isEqualTo(201);
		assertThat(lastSnapshot(oboCreated.node().get("id").asString()).getDelegation()).isEqualTo("jwt-bearer-obo");

		Map<String, Object> unknown = new LinkedHashMap<>(obo);
		unknown.put("name", "Unknown delegation " + UUID.randomUUID());
		unknown.put("delegation", "impersonation");
		assertBadRequest(post("/api/integrations", adminToken(), unknown), "delegation");
	}

	@Test
	void templatesWhenListedThenFederationTemplatesWithIssuerPatterns() {
		Response response = get("/api/integration-templates", adminToken());
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		Map<String, JsonNode> templates = new LinkedHashMap<>();
		response.node().get("templates").forEach((t) -> templates.put(t.get("id").asString(), t));
		assertThat(templates).containsKeys("oidc-federation", "github-actions", "gitlab-ci", "kubernetes");
		assertThat(templates.get("oidc-federation").get("kinds").toString())
			.isEqualTo("[\"oidc-federation\",\"workload-federation\"]");
		JsonNode github = templates.get("github-actions");
		assertThat(github.get("kinds").toString()).isEqualTo("[\"workload-federation\"]");
		assertThat(github.get("issuerPattern").asString()).isEqualTo("https://token.actions.githubusercontent.com");
		assertThat(github.get("tokenEndpointPattern").isNull()).isTrue();
		assertThat(templates.get("gitlab-ci").get("parameters").toString()).isEqualTo("[\"host\"]");
		assertThat(templates.get("kubernetes").get("requiredFields").get("workload-federation").toString())
			.contains("federation.issuer", "federation.contentId");
	}

	@Test
	void updateAndDeleteWhenFederationThenEachPublishedWithTheRule() {
		Map<String, Object> federation = new LinkedHashMap<>();
		federation.put("issuer", "https://sso.example.com");
		federation.put("staticJwks", issuer.publicKeys());
		federation.put("audiences", List.of("lanyard"));
		Map<String, Object> body = body("oidc-federation", "oidc-federation", federation);
		Response created = post("/api/integrations", adminToken(), body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.node().get("id").asString();

		federation.put("audiences", List.of("lanyard", "notebooks"));
		federation.put("matchClaim", "email");
		federation.put("userField", "email");
		Response updated = put("/api/integrations/" + id, adminToken(), body);
		assertThat(updated.status()).as(updated.body()).isEqualTo(200);
		assertThat(updated.node().get("federation").get("userField").asString()).isEqualTo("email");
		List<IntegrationChangedRecords.Snapshot> two = records.awaitFor(id, (list) -> list.size() >= 2, EVENTUALLY);
		assertThat(two.getLast().event().getFederation().getAudiences()).containsExactly("lanyard", "notebooks");
		assertThat(two.getLast().event().getFederation().getMatchClaim()).isEqualTo("email");

		assertThat(put("/api/integrations/" + id + "/client-secret", adminToken(), Map.of("clientSecret", secret()))
			.status()).isEqualTo(400);
		assertThat(put("/api/integrations/" + id + "/content/content-1", adminToken(), "").status()).isEqualTo(400);

		assertThat(delete("/api/integrations/" + id, adminToken()).status()).isEqualTo(204);
		List<IntegrationChangedRecords.Snapshot> three = records.awaitFor(id, (list) -> list.size() >= 3, EVENTUALLY);
		assertThat(three.getLast().event().getDeleted()).isTrue();
		assertThat(three.getLast().event().getKind()).isEqualTo("oidc-federation");
		assertThat(three.getLast().event().getFederation()).isNotNull();
	}

	private static Map<String, Object> body(String template, String kind, Map<String, Object> federation) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", kind + " " + UUID.randomUUID());
		body.put("template", template);
		body.put("kind", kind);
		body.put("federation", federation);
		return body;
	}

	private static IntegrationChanged lastSnapshot(String id) {
		List<IntegrationChangedRecords.Snapshot> snapshots = records.awaitFor(id, (list) -> !list.isEmpty(),
				EVENTUALLY);
		assertThat(snapshots).isNotEmpty();
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
