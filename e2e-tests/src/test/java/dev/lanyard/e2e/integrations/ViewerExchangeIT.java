package dev.lanyard.e2e.integrations;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.lanyard.e2e.support.Browser;
import dev.lanyard.e2e.support.Lanyard;
import dev.lanyard.e2e.support.OAuthNames;
import dev.lanyard.e2e.support.SharedEnsemble;
import dev.lanyard.launcher.Ensemble;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Viewer credentials end to end: a person signs in, connects a viewer integration once
 * (authorization code with PKCE at the development OIDC provider, which stands in for the
 * external service), and content exchanges that person's user session token for their
 * external access token; when it is due, the next exchange refreshes it.
 */
class ViewerExchangeIT {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);

	private static Ensemble ensemble;

	private static Lanyard lanyard;

	private static String admin;

	@BeforeAll
	static void ensemble() throws Exception {
		ensemble = SharedEnsemble.get();
		lanyard = new Lanyard(ensemble.endpoints().gatewayUrl());
		admin = lanyard.token(ensemble.administrator());
	}

	@Test
	void exchangeWhenViewerConnectedThenTheirExternalTokenAndRefreshedWhenDue() throws Exception {
		String integrationId = viewerIntegration("crm-" + SUFFIX, List.of());
		Browser browser = new Browser(lanyard.gateway());
		browser.signIn("dev", "viewer-" + SUFFIX, Map.of("preferred_username", "viewer" + SUFFIX));
		String userId = browser.me().get("id").asString();
		String userToken = userSessionToken(browser);

		HttpResponse<String> notConnected = exchangeEventually(userToken, integrationId, "invalid_grant");
		assertThat(Lanyard.JSON.readTree(notConnected.body()).get("error_description").asString())
			.contains("/api/connections/" + integrationId + "/connect");

		connect(browser, integrationId);

		HttpResponse<String> first = exchange(userToken, integrationId);
		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
		String firstToken = Lanyard.JSON.readTree(first.body()).get("access_token").asString();
		JsonNode record = auditRecord(Lanyard.sha256(firstToken));
		assertThat(record.get("tokenType").asString()).isEqualTo("external-access");
		assertThat(record.get("subjectId").asString()).isEqualTo(userId);
		assertThat(record.get("integrationId").asString()).isEqualTo(integrationId);

		Thread.sleep(11_000);
		HttpResponse<String> second = exchange(userToken, integrationId);
		assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
		String secondToken = Lanyard.JSON.readTree(second.body()).get("access_token").asString();
		assertThat(secondToken).as("refreshed").isNotEqualTo(firstToken);
		assertThat(auditRecord(Lanyard.sha256(secondToken)).get("subjectId").asString()).isEqualTo(userId);

		HttpResponse<String> connections = browser.get("/api/connections");
		assertThat(connections.statusCode()).as(connections.body()).isEqualTo(200);
		assertThat(connections.body()).contains(integrationId);
	}

	@Test
	void connectWhenUserNotInAllowedGroupThenRefusedAndExchangeDenied() throws Exception {
		String integrationId = viewerIntegration("hr-" + SUFFIX, List.of(UUID.randomUUID().toString()));
		Browser browser = new Browser(lanyard.gateway());
		browser.signIn("dev", "outsider-" + SUFFIX, Map.of("preferred_username", "outsider" + SUFFIX));
		String userToken = userSessionToken(browser);

		HttpResponse<String> exchanged = exchangeEventually(userToken, integrationId, "access_denied");
		HttpResponse<String> connect = browser.get("/api/connections/" + integrationId + "/connect");

		assertThat(exchanged.statusCode()).isBetween(400, 403);
		assertThat(Lanyard.JSON.readTree(exchanged.body()).get("error").asString()).isEqualTo("access_denied");
		assertThat(connect.statusCode()).isEqualTo(403);
	}

	private static String viewerIntegration(String name, List<String> allowedGroups) throws Exception {
		String base = ensemble.endpoints().oidcUrl() + "/" + name;
		Map<String, Object> body = new HashMap<>();
		body.put("name", name);
		body.put("template", "custom");
		body.put("kind", "viewer");
		body.put("authorizationEndpoint", base + "/authorize");
		body.put("tokenEndpoint", base + "/token");
		body.put("clientId", "crm-client");
		body.put("clientSecret", "viewer-secret-" + UUID.randomUUID());
		body.put("scopes", List.of("openid", "offline_access"));
		body.put("allowedGroupIds", allowedGroups);
		String id = lanyard.ok(admin, "POST", "/api/integrations", body).get("id").asString();
		lanyard.ok(admin, "PUT", "/api/integrations/" + id + "/content/" + ensemble.demoContent().clientId(), null);
		return id;
	}

	/** The browser's part of connecting: Lanyard → provider's login form → callback. */
	private static void connect(Browser browser, String integrationId) throws Exception {
		HttpResponse<String> start = browser.get("/api/connections/" + integrationId + "/connect");
		assertThat(start.statusCode()).as(start.body()).isEqualTo(302);
		String authorize = start.headers().firstValue("Location").orElseThrow();
		assertThat(authorize).contains("code_challenge_method=S256").contains("state=");
		HttpResponse<String> callback = browser.submitLoginForm(authorize, "viewer-at-crm-" + SUFFIX, Map.of());
		assertThat(callback.statusCode()).as(callback.body()).isEqualTo(200);
		assertThat(Lanyard.JSON.readTree(callback.body()).get("connected").asBoolean()).isTrue();
	}

	private static String userSessionToken(Browser browser) throws Exception {
		HttpResponse<String> issued = browser
			.post("/api/me/session-token?content=" + ensemble.demoContent().clientId());
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
		return Lanyard.JSON.readTree(issued.body()).get("access_token").asString();
	}

	/** Waits until token-broker's read models know the integration and the user. */
	private static HttpResponse<String> exchangeEventually(String userToken, String integrationId, String expectedError)
			throws Exception {
		long deadline = System.nanoTime() + WAIT.toNanos();
		HttpResponse<String> response = exchange(userToken, integrationId);
		while (!response.body().contains("\"" + expectedError + "\"") && System.nanoTime() < deadline) {
			Thread.sleep(300);
			response = exchange(userToken, integrationId);
		}
		assertThat(response.body()).contains(expectedError);
		return response;
	}

	private static HttpResponse<String> exchange(String userToken, String integrationId) throws Exception {
		return lanyard.tokenRequest(ensemble.demoContent(), Map.of("grant_type", OAuthNames.TOKEN_EXCHANGE,
				"subject_token", userToken, "subject_token_type", OAuthNames.USER_SESSION, "audience", integrationId));
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
