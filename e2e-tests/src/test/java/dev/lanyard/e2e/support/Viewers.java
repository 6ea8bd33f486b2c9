package dev.lanyard.e2e.support;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.lanyard.launcher.Ensemble;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A viewer's credentials end to end, as tests need them: a viewer integration at the
 * development OIDC provider (standing in for the external service) linked to the demo
 * content, a signed-in person's connection to it, their user session token, and the
 * content's exchange of that token.
 */
public final class Viewers {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private final Ensemble ensemble;

	private final Lanyard lanyard;

	private final String admin;

	public Viewers(Ensemble ensemble, Lanyard lanyard, String adminToken) {
		this.ensemble = ensemble;
		this.lanyard = lanyard;
		this.admin = adminToken;
	}

	/** A viewer integration named {@code name}, linked to the demo content; its id. */
	public String integration(String name, List<String> allowedGroups) throws Exception {
		String base = this.ensemble.endpoints().oidcUrl() + "/" + name;
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
		String id = this.lanyard.ok(this.admin, "POST", "/api/integrations", body).get("id").asString();
		this.lanyard.ok(this.admin, "PUT",
				"/api/integrations/" + id + "/content/" + this.ensemble.demoContent().clientId(), null);
		return id;
	}

	/** The browser's part of connecting: Lanyard → provider's login form → callback. */
	public void connect(Browser browser, String integrationId, String externalSubject) throws Exception {
		HttpResponse<String> start = browser.get("/api/connections/" + integrationId + "/connect");
		assertThat(start.statusCode()).as(start.body()).isEqualTo(302);
		String authorize = start.headers().firstValue("Location").orElseThrow();
		assertThat(authorize).contains("code_challenge_method=S256").contains("state=");
		HttpResponse<String> callback = browser.submitLoginForm(authorize, externalSubject, Map.of());
		assertThat(callback.statusCode()).as(callback.body()).isEqualTo(200);
		assertThat(Lanyard.JSON.readTree(callback.body()).get("connected").asBoolean()).isTrue();
	}

	/** The signed-in person's user session token for the demo content. */
	public String userSessionToken(Browser browser) throws Exception {
		HttpResponse<String> issued = browser
			.post("/api/me/session-token?content=" + this.ensemble.demoContent().clientId());
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
		return Lanyard.JSON.readTree(issued.body()).get("access_token").asString();
	}

	/** The demo content exchanges a user session token for the integration's token. */
	public HttpResponse<String> exchange(String userToken, String integrationId) throws Exception {
		return this.lanyard.tokenRequest(this.ensemble.demoContent(), Map.of("grant_type", OAuthNames.TOKEN_EXCHANGE,
				"subject_token", userToken, "subject_token_type", OAuthNames.USER_SESSION, "audience", integrationId));
	}

	/**
	 * Exchanges until the answer names {@code expected} (read models catch up), bounded.
	 */
	public HttpResponse<String> exchangeUntil(String userToken, String integrationId, String expected)
			throws Exception {
		long deadline = System.nanoTime() + WAIT.toNanos();
		HttpResponse<String> response = exchange(userToken, integrationId);
		while (!response.body().contains(expected) && System.nanoTime() < deadline) {
			Thread.sleep(300);
			response = exchange(userToken, integrationId);
		}
		assertThat(response.body()).contains(expected);
		return response;
	}

	/** The audit trail's events for a query, waiting (bounded) until there is one. */
	public JsonNode auditEvents(String query) throws Exception {
		String auditor = this.lanyard.token(this.ensemble.demoAuditor());
		long deadline = System.nanoTime() + WAIT.toNanos();
		JsonNode events = this.lanyard.auditEvents(auditor, query);
		while (events.isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(250);
			events = this.lanyard.auditEvents(auditor, query);
		}
		return events;
	}

	/** The one audit record of a token, by its SHA-256 (waits for audit to store it). */
	public JsonNode auditRecord(String tokenSha256) throws Exception {
		String auditor = this.lanyard.token(this.ensemble.demoAuditor());
		long deadline = System.nanoTime() + WAIT.toNanos();
		JsonNode records = this.lanyard.auditEvents(auditor, "tokenSha256=" + tokenSha256);
		while (records.isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(250);
			records = this.lanyard.auditEvents(auditor, "tokenSha256=" + tokenSha256);
		}
		assertThat(records).hasSize(1);
		return records.get(0);
	}

}
