package dev.lanyard.e2e.deprovisioning;

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
 * Deactivation revokes at once, end to end: a signed-in person with a viewer connection
 * and a user session token is deactivated through the admin API; their browser session
 * ends, their session token is refused at the exchange, their connection (refresh token)
 * is gone and the audit trail holds TokenRevoked. Reactivated, they sign in again and
 * must connect afresh.
 */
class DeprovisioningIT {

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
	void deactivateWhenSignedInAndConnectedThenSessionTokenAndConnectionRevokedAndRecorded() throws Exception {
		String integrationId = viewerIntegration("deprov-crm-" + SUFFIX);
		String subject = "leaver-" + SUFFIX;
		Browser browser = new Browser(lanyard.gateway());
		browser.signIn("dev", subject, Map.of("preferred_username", "leaver" + SUFFIX));
		String userId = browser.me().get("id").asString();
		String userToken = userSessionToken(browser);
		eventually(() -> exchange(userToken, integrationId), (r) -> r.body().contains("\"invalid_grant\""));
		connect(browser, integrationId);
		HttpResponse<String> before = exchange(userToken, integrationId);
		assertThat(before.statusCode()).as(before.body()).isEqualTo(200);

		JsonNode deactivated = lanyard.ok(admin, "POST", "/api/admin/users/" + userId + "/deactivate",
				Map.of("reason", "left-the-company"));

		assertThat(deactivated.get("active").asBoolean()).isFalse();
		HttpResponse<String> me = eventually(() -> browser.get("/api/me"), (r) -> r.statusCode() != 200);
		assertThat(me.statusCode()).isIn(401, 403);
		HttpResponse<String> refused = eventually(() -> exchange(userToken, integrationId),
				(r) -> r.statusCode() != 200);
		assertThat(refused.statusCode()).isBetween(400, 403);
		assertThat(Lanyard.JSON.readTree(refused.body()).get("error").asString()).isEqualTo("access_denied");
		assertThat(Lanyard.JSON.readTree(refused.body()).get("error_description").asString()).contains("deactivated");
		JsonNode revoked = auditEvents("eventType=TokenRevoked&subject=" + userId);
		assertThat(revoked).isNotEmpty();
		assertThat(revoked.get(0).get("subjectId").asString()).isEqualTo(userId);
		assertThat(auditEvents("eventType=UserDeactivated&subject=" + userId)).isNotEmpty();

		// reactivated, the person signs in again: the connection did not survive
		lanyard.ok(admin, "POST", "/api/admin/users/" + userId + "/reactivate", null);
		Browser again = new Browser(lanyard.gateway());
		HttpResponse<String> signedIn = eventually(
				() -> again.signIn("dev", subject, Map.of("preferred_username", "leaver" + SUFFIX)),
				(r) -> r.statusCode() == 302 && again.get("/api/me").statusCode() == 200);
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(again.me().get("id").asString()).isEqualTo(userId);
		HttpResponse<String> connections = again.get("/api/connections");
		assertThat(connections.statusCode()).as(connections.body()).isEqualTo(200);
		assertThat(Lanyard.JSON.readTree(connections.body())).isEmpty();
		String newToken = userSessionToken(again);
		HttpResponse<String> notConnected = eventually(() -> exchange(newToken, integrationId),
				(r) -> r.body().contains("\"invalid_grant\""));
		assertThat(notConnected.body()).contains("/api/connections/" + integrationId + "/connect");
		assertThat(exchange(userToken, integrationId).statusCode()).as("the old session token stays refused")
			.isBetween(400, 403);
	}

	private static String viewerIntegration(String name) throws Exception {
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
		body.put("allowedGroupIds", List.of());
		String id = lanyard.ok(admin, "POST", "/api/integrations", body).get("id").asString();
		lanyard.ok(admin, "PUT", "/api/integrations/" + id + "/content/" + ensemble.demoContent().clientId(), null);
		return id;
	}

	private static void connect(Browser browser, String integrationId) throws Exception {
		HttpResponse<String> start = browser.get("/api/connections/" + integrationId + "/connect");
		assertThat(start.statusCode()).as(start.body()).isEqualTo(302);
		HttpResponse<String> callback = browser.submitLoginForm(start.headers().firstValue("Location").orElseThrow(),
				"leaver-at-crm-" + SUFFIX, Map.of());
		assertThat(callback.statusCode()).as(callback.body()).isEqualTo(200);
	}

	private static String userSessionToken(Browser browser) throws Exception {
		HttpResponse<String> issued = browser
			.post("/api/me/session-token?content=" + ensemble.demoContent().clientId());
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
		return Lanyard.JSON.readTree(issued.body()).get("access_token").asString();
	}

	private static HttpResponse<String> exchange(String userToken, String integrationId) throws Exception {
		return lanyard.tokenRequest(ensemble.demoContent(), Map.of("grant_type", OAuthNames.TOKEN_EXCHANGE,
				"subject_token", userToken, "subject_token_type", OAuthNames.USER_SESSION, "audience", integrationId));
	}

	private static JsonNode auditEvents(String query) throws Exception {
		String auditor = lanyard.token(ensemble.demoAuditor());
		long deadline = System.nanoTime() + WAIT.toNanos();
		JsonNode events = lanyard.auditEvents(auditor, query);
		while (events.isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(250);
			events = lanyard.auditEvents(auditor, query);
		}
		return events;
	}

	private static <T> T eventually(Call<T> call, Check<T> done) throws Exception {
		long deadline = System.nanoTime() + WAIT.toNanos();
		T result = call.get();
		while (!done.test(result) && System.nanoTime() < deadline) {
			Thread.sleep(200);
			result = call.get();
		}
		return result;
	}

	/** A call that may throw. */
	private interface Call<T> {

		T get() throws Exception;

	}

	/** A check that may throw. */
	private interface Check<T> {

		boolean test(T value) throws Exception;

	}

}
