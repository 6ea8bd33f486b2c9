package dev.lanyard.e2e.deprovisioning;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.lanyard.e2e.support.Browser;
import dev.lanyard.e2e.support.Lanyard;
import dev.lanyard.e2e.support.SharedEnsemble;
import dev.lanyard.e2e.support.Viewers;
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

	private static Viewers viewers;

	@BeforeAll
	static void ensemble() throws Exception {
		ensemble = SharedEnsemble.get();
		lanyard = new Lanyard(ensemble.endpoints().gatewayUrl());
		admin = lanyard.token(ensemble.administrator());
		viewers = new Viewers(ensemble, lanyard, admin);
	}

	@Test
	void deactivateWhenSignedInAndConnectedThenSessionTokenAndConnectionRevokedAndRecorded() throws Exception {
		String integrationId = viewers.integration("deprov-crm-" + SUFFIX, List.of());
		String subject = "leaver-" + SUFFIX;
		Browser browser = new Browser(lanyard.gateway());
		browser.signIn("dev", subject, Map.of("preferred_username", "leaver" + SUFFIX));
		String userId = browser.me().get("id").asString();
		String userToken = viewers.userSessionToken(browser);
		eventually(() -> viewers.exchange(userToken, integrationId), (r) -> r.body().contains("\"invalid_grant\""));
		viewers.connect(browser, integrationId, "leaver-at-crm-" + SUFFIX);
		HttpResponse<String> before = viewers.exchange(userToken, integrationId);
		assertThat(before.statusCode()).as(before.body()).isEqualTo(200);

		JsonNode deactivated = lanyard.ok(admin, "POST", "/api/admin/users/" + userId + "/deactivate",
				Map.of("reason", "left-the-company"));

		assertThat(deactivated.get("active").asBoolean()).isFalse();
		HttpResponse<String> me = eventually(() -> browser.get("/api/me"), (r) -> r.statusCode() != 200);
		assertThat(me.statusCode()).isIn(401, 403);
		HttpResponse<String> refused = eventually(() -> viewers.exchange(userToken, integrationId),
				(r) -> r.statusCode() != 200);
		assertThat(refused.statusCode()).isBetween(400, 403);
		assertThat(Lanyard.JSON.readTree(refused.body()).get("error").asString()).isEqualTo("access_denied");
		assertThat(Lanyard.JSON.readTree(refused.body()).get("error_description").asString()).contains("deactivated");
		JsonNode revoked = viewers.auditEvents("eventType=TokenRevoked&subject=" + userId);
		assertThat(revoked).isNotEmpty();
		assertThat(revoked.get(0).get("subjectId").asString()).isEqualTo(userId);
		assertThat(viewers.auditEvents("eventType=UserDeactivated&subject=" + userId)).isNotEmpty();

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
		String newToken = viewers.userSessionToken(again);
		HttpResponse<String> notConnected = eventually(() -> viewers.exchange(newToken, integrationId),
				(r) -> r.body().contains("\"invalid_grant\""));
		assertThat(notConnected.body()).contains("/api/connections/" + integrationId + "/connect");
		assertThat(viewers.exchange(userToken, integrationId).statusCode()).as("the old session token stays refused")
			.isBetween(400, 403);
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
