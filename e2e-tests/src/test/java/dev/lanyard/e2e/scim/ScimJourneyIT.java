package dev.lanyard.e2e.scim;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The identity provider pushes through the gateway's {@code /scim/v2}, the way Okta does:
 * a user pushed ahead of their first sign-in is the user who then signs in, a group
 * pushed with them as member gives them its mapped role, and a {@code PATCH active=false}
 * ends at once everything they hold: the browser session, the user session token content
 * holds, the viewer connection, each revocation on the audit trail.
 */
class ScimJourneyIT {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);

	private static final String PUBLISHERS = "SCIM Publishers " + SUFFIX;

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static Ensemble ensemble;

	private static Lanyard lanyard;

	private static Viewers viewers;

	private static String admin;

	private static String scimSecret;

	@BeforeAll
	static void provisioningThroughScim() throws Exception {
		ensemble = SharedEnsemble.get();
		// users pushed by SCIM bind to sign-ins from the development provider by
		// externalId
		// (its subject); the role comes from groups, PUBLISHERS making publishers
		SharedEnsemble.restartProvisioning(Map.of("SPRING_APPLICATION_JSON", """
				{"lanyard": {"provisioning": {
				  "scim": {"sign-in-issuer": "%s", "unique-id-attribute": "external-id"},
				  "role-mapping": {"source": "groups", "group-roles": {"publisher": ["%s"]}}}}}
				""".formatted(ensemble.endpoints().oidcIssuer(), PUBLISHERS)));
		lanyard = new Lanyard(ensemble.endpoints().gatewayUrl());
		admin = lanyard.token(ensemble.administrator());
		viewers = new Viewers(ensemble, lanyard, admin);
		scimSecret = lanyard.ok(admin, "POST", "/api/admin/scim-clients", Map.of("name", "okta-" + SUFFIX))
			.get("token")
			.asString();
	}

	@AfterAll
	static void defaultProvisioning() throws Exception {
		if (ensemble != null) {
			SharedEnsemble.restartProvisioning(Map.of());
		}
	}

	@Test
	void signInWhenPushedByScimThenSameUserWithTheRoleOfTheGroupPushedByScim() throws Exception {
		String subject = "00u-scim-" + SUFFIX;
		String userName = "scim.ada" + SUFFIX;
		String userId = pushUser(userName, subject);
		HttpResponse<String> group = scim("POST", "/scim/v2/Groups",
				Map.of("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:Group"), "displayName", PUBLISHERS,
						"members", List.of(Map.of("value", userId))));
		assertThat(group.statusCode()).as(group.body()).isEqualTo(201);

		Browser browser = new Browser(lanyard.gateway());
		HttpResponse<String> callback = browser.signIn("dev", subject,
				Map.of("preferred_username", userName, "email", userName + "@example.com"));

		assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
		JsonNode me = browser.me();
		assertThat(me.get("id").asString()).as("one person, one user").isEqualTo(userId);
		assertThat(me.get("role").asString()).isEqualTo("publisher");
		assertThat(me.get("groups").findValuesAsString("name")).containsExactly(PUBLISHERS);
	}

	@Test
	void patchWhenActiveFalseThenSessionSessionTokenAndViewerConnectionEndWithTokenRevoked() throws Exception {
		String subject = "00u-leaver-" + SUFFIX;
		String userName = "scim.leaver" + SUFFIX;
		String userId = pushUser(userName, subject);
		Browser browser = new Browser(lanyard.gateway());
		assertThat(browser.signIn("dev", subject, Map.of("preferred_username", userName)).statusCode()).isEqualTo(302);
		String integrationId = viewers.integration("wiki-" + SUFFIX, List.of());
		String userToken = viewers.userSessionToken(browser);
		viewers.exchangeUntil(userToken, integrationId, "\"invalid_grant\"");
		viewers.connect(browser, integrationId, "leaver-at-wiki-" + SUFFIX);
		HttpResponse<String> before = viewers.exchange(userToken, integrationId);
		assertThat(before.statusCode()).as(before.body()).isEqualTo(200);

		HttpResponse<String> deactivated = scim("PATCH", "/scim/v2/Users/" + userId,
				Map.of("schemas", List.of("urn:ietf:params:scim:api:messages:2.0:PatchOp"), "Operations",
						List.of(Map.of("op", "replace", "value", Map.of("active", false)))));

		assertThat(deactivated.statusCode()).as(deactivated.body()).isEqualTo(200);
		assertThat(Lanyard.JSON.readTree(deactivated.body()).get("active").asBoolean()).isFalse();
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (browser.get("/api/me").statusCode() == 200 && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(browser.get("/api/me").statusCode()).as("the browser session is over").isIn(401, 403);
		HttpResponse<String> after = viewers.exchangeUntil(userToken, integrationId, "\"error\"");
		assertThat(after.statusCode()).as("the session token no longer exchanges").isBetween(400, 403);
		JsonNode revoked = viewers.auditEvents("eventType=TokenRevoked&subject=" + userId);
		assertThat(revoked).as("TokenRevoked on the audit trail").isNotEmpty();
		assertThat(browser.signIn("dev", subject, Map.of("preferred_username", userName)).statusCode())
			.as("a deactivated user cannot sign in again")
			.isEqualTo(403);
	}

	private static String pushUser(String userName, String externalId) throws Exception {
		HttpResponse<String> created = scim("POST", "/scim/v2/Users",
				Map.of("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User"), "userName", userName,
						"externalId", externalId, "active", true, "name",
						Map.of("givenName", "Ada", "familyName", "Lovelace"), "emails",
						List.of(Map.of("type", "work", "primary", true, "value", userName + "@example.com"))));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(created.headers().firstValue("Location")).isPresent();
		return Lanyard.JSON.readTree(created.body()).get("id").asString();
	}

	private static HttpResponse<String> scim(String method, String path, Object body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(lanyard.gateway() + path))
			.header("Authorization", "Bearer " + scimSecret)
			.header("Content-Type", "application/scim+json")
			.timeout(Duration.ofSeconds(20))
			.method(method, HttpRequest.BodyPublishers.ofString(Lanyard.JSON.writeValueAsString(body)))
			.build();
		return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
