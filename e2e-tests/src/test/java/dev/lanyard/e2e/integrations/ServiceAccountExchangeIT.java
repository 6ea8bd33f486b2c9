package dev.lanyard.e2e.integrations;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.lanyard.e2e.support.EventLog;
import dev.lanyard.e2e.support.Lanyard;
import dev.lanyard.e2e.support.OAuthNames;
import dev.lanyard.e2e.support.SharedEnsemble;
import dev.lanyard.launcher.ClientCredentials;
import dev.lanyard.launcher.Ensemble;
import dev.lanyard.platform.kafka.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator configures a service-account integration (the development OIDC
 * provider stands in for the external service) and links it to a content item; the
 * content exchanges its content session token for the external access token (RFC 8693)
 * through the gateway, and the audit trail shows who got what for which integration.
 */
class ServiceAccountExchangeIT {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final String SECRET = "e2e-client-secret-" + UUID.randomUUID();

	private static Ensemble ensemble;

	private static Lanyard lanyard;

	private static String admin;

	private static String integrationId;

	@BeforeAll
	static void integration() throws Exception {
		ensemble = SharedEnsemble.get();
		lanyard = new Lanyard(ensemble.endpoints().gatewayUrl());
		admin = lanyard.token(ensemble.administrator());
		Map<String, Object> body = new HashMap<>();
		body.put("name", "warehouse-" + UUID.randomUUID().toString().substring(0, 8));
		body.put("description", "Data warehouse, as a fixed machine identity");
		body.put("template", "custom");
		body.put("kind", "service-account");
		body.put("tokenEndpoint", ensemble.endpoints().oidcUrl() + "/warehouse/token");
		body.put("clientId", "warehouse-client");
		body.put("clientSecret", SECRET);
		body.put("scopes", List.of("read", "write"));
		JsonNode created = lanyard.ok(admin, "POST", "/api/integrations", body);
		integrationId = created.get("id").asString();
		lanyard.ok(admin, "PUT", "/api/integrations/" + integrationId + "/content/" + ensemble.demoContent().clientId(),
				null);
	}

	@Test
	void exchangeWhenContentLinkedThenExternalAccessTokenAndItsAuditRecord() throws Exception {
		String subjectToken = lanyard.token(ensemble.demoContent());

		HttpResponse<String> response = exchangeEventually(ensemble.demoContent(), subjectToken, "read");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode body = Lanyard.JSON.readTree(response.body());
		assertThat(body.get("issued_token_type").asString()).isEqualTo("urn:ietf:params:oauth:token-type:access_token");
		assertThat(body.get("token_type").asString()).isEqualToIgnoringCase("Bearer");
		assertThat(body.get("expires_in").asLong()).isPositive();
		assertThat(body.get("scope").asString()).isEqualTo("read");
		String hash = Lanyard.sha256(body.get("access_token").asString());
		JsonNode record = auditRecord(hash);
		assertThat(record.get("tokenType").asString()).isEqualTo("external-access");
		assertThat(record.get("subjectId").asString()).isEqualTo(ensemble.demoContent().clientId());
		assertThat(record.get("contentId").asString()).isEqualTo(ensemble.demoContent().clientId());
		assertThat(record.get("integrationId").asString()).isEqualTo(integrationId);
	}

	@Test
	void exchangeWhenAskedTwiceThenEachHandOutHasItsOwnAuditRecord() throws Exception {
		String subjectToken = lanyard.token(ensemble.demoContent());
		exchangeEventually(ensemble.demoContent(), subjectToken, "read write");

		HttpResponse<String> first = exchange(ensemble.demoContent(), subjectToken, "read write");
		HttpResponse<String> second = exchange(ensemble.demoContent(), subjectToken, "read write");

		String token = Lanyard.JSON.readTree(first.body()).get("access_token").asString();
		assertThat(Lanyard.JSON.readTree(second.body()).get("access_token").asString()).as("cached").isEqualTo(token);
		String auditor = lanyard.token(ensemble.demoAuditor());
		long deadline = System.nanoTime() + WAIT.toNanos();
		JsonNode records = lanyard.auditEvents(auditor, "tokenSha256=" + Lanyard.sha256(token));
		while (records.size() < 3 && System.nanoTime() < deadline) {
			Thread.sleep(250);
			records = lanyard.auditEvents(auditor, "tokenSha256=" + Lanyard.sha256(token));
		}
		assertThat(records).as("one record per hand-out, cache hits included").hasSize(3);
	}

	@Test
	void exchangeWhenScopeWiderThanIntegrationThenInvalidScope() throws Exception {
		String subjectToken = lanyard.token(ensemble.demoContent());
		exchangeEventually(ensemble.demoContent(), subjectToken, "read");

		HttpResponse<String> response = exchange(ensemble.demoContent(), subjectToken, "read admin");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(Lanyard.JSON.readTree(response.body()).get("error").asString()).isEqualTo("invalid_scope");
	}

	@Test
	void exchangeWhenAudienceIsNoIntegrationThenInvalidTarget() throws Exception {
		String subjectToken = lanyard.token(ensemble.demoContent());

		HttpResponse<String> response = lanyard.tokenRequest(ensemble.demoContent(),
				form(subjectToken, UUID.randomUUID().toString(), null));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(Lanyard.JSON.readTree(response.body()).get("error").asString()).isEqualTo("invalid_target");
	}

	@Test
	void exchangeWhenContentNotLinkedThenRefused() throws Exception {
		JsonNode client = lanyard.ok(admin, "POST", "/api/admin/clients",
				Map.of("name", "Unlinked report", "kind", "content"));
		ClientCredentials unlinked = new ClientCredentials(client.get("clientId").asString(),
				client.get("clientSecret").asString());
		String subjectToken = lanyard.token(unlinked);
		exchangeEventually(ensemble.demoContent(), lanyard.token(ensemble.demoContent()), "read");

		HttpResponse<String> response = exchange(unlinked, subjectToken, "read");

		assertThat(response.statusCode()).isBetween(400, 403);
		assertThat(Lanyard.JSON.readTree(response.body()).get("error").asString()).isEqualTo("unauthorized_client");
		// the refusal is on the audit trail
		String auditor = lanyard.token(ensemble.demoAuditor());
		String query = "eventType=CredentialDenied&subject=" + unlinked.clientId() + "&integration=" + integrationId;
		long deadline = System.nanoTime() + WAIT.toNanos();
		JsonNode denials = lanyard.auditEvents(auditor, query);
		while (denials.isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(250);
			denials = lanyard.auditEvents(auditor, query);
		}
		assertThat(denials).hasSize(1);
		assertThat(denials.get(0).get("contentId").asString()).isEqualTo(unlinked.clientId());
	}

	@Test
	void exchangeWhenSubjectTokenForgedThenInvalidGrant() throws Exception {
		String real = lanyard.token(ensemble.demoContent());
		String forged = real.substring(0, real.lastIndexOf('.') + 1) + "AAAA"
				+ real.substring(real.lastIndexOf('.') + 5);

		HttpResponse<String> response = exchange(ensemble.demoContent(), forged, "read");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(Lanyard.JSON.readTree(response.body()).get("error").asString()).isEqualTo("invalid_grant");
	}

	@Test
	void clientSecretWhenConfiguredThenNeverInAnyResponseEventOrLog() throws Exception {
		exchangeEventually(ensemble.demoContent(), lanyard.token(ensemble.demoContent()), "read");

		assertThat(lanyard.ok(admin, "GET", "/api/integrations/" + integrationId, null).toString())
			.doesNotContain(SECRET);
		assertThat(lanyard.ok(admin, "GET", "/api/integrations", null).toString()).doesNotContain(SECRET);
		EventLog events = new EventLog(ensemble.endpoints());
		var snapshots = events.read(Topics.INTEGRATION_CHANGED, (e) -> e.getIntegrationId().equals(integrationId), 2,
				WAIT);
		assertThat(snapshots).isNotEmpty().allSatisfy((e) -> assertThat(e.toString()).doesNotContain(SECRET));
		for (String component : List.of("auth-gateway", "token-broker", "integration-registry", "audit",
				"user-provisioning")) {
			Path log = ensemble.logFile(component);
			assertThat(Files.readString(log)).as(component + " log").doesNotContain(SECRET);
		}
	}

	/** Waits until token-broker's read model knows the integration and its link. */
	private static HttpResponse<String> exchangeEventually(ClientCredentials client, String subjectToken, String scope)
			throws Exception {
		long deadline = System.nanoTime() + WAIT.toNanos();
		HttpResponse<String> response = exchange(client, subjectToken, scope);
		while (response.statusCode() != 200 && System.nanoTime() < deadline) {
			Thread.sleep(300);
			response = exchange(client, subjectToken, scope);
		}
		return response;
	}

	private static HttpResponse<String> exchange(ClientCredentials client, String subjectToken, String scope)
			throws Exception {
		return lanyard.tokenRequest(client, form(subjectToken, integrationId, scope));
	}

	private static Map<String, String> form(String subjectToken, String audience, String scope) {
		Map<String, String> form = new HashMap<>(Map.of("grant_type", OAuthNames.TOKEN_EXCHANGE, "subject_token",
				subjectToken, "subject_token_type", OAuthNames.CONTENT_SESSION, "audience", audience));
		if (scope != null) {
			form.put("scope", scope);
		}
		return form;
	}

	private static JsonNode auditRecord(String hash) throws Exception {
		String auditor = lanyard.token(ensemble.demoAuditor());
		long deadline = System.nanoTime() + WAIT.toNanos();
		JsonNode records = lanyard.auditEvents(auditor, "tokenSha256=" + hash);
		while (records.isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(250);
			records = lanyard.auditEvents(auditor, "tokenSha256=" + hash);
		}
		assertThat(records).hasSize(1);
		return records.get(0);
	}

}
