package dev.lanyard.e2e.signin;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.lanyard.e2e.support.Browser;
import dev.lanyard.e2e.support.EventLog;
import dev.lanyard.e2e.support.Lanyard;
import dev.lanyard.e2e.support.OAuthNames;
import dev.lanyard.e2e.support.SharedEnsemble;
import dev.lanyard.events.GroupMembershipChanged;
import dev.lanyard.events.UserChanged;
import dev.lanyard.launcher.Ensemble;
import dev.lanyard.launcher.service.LanyardService;
import dev.lanyard.platform.kafka.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People sign in through the real gateway at the development OIDC provider with the claim
 * shapes real providers send; user-provisioning turns each sign-in into user, role and
 * group state, seen through {@code /api/me}, the admin API and the events on Kafka.
 */
class SignInJourneyIT {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static Ensemble ensemble;

	private static Lanyard lanyard;

	private static EventLog events;

	private static String admin;

	private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);

	private static final Map<String, String> GROUP_IDS = new HashMap<>();

	@BeforeAll
	static void ensemble() throws Exception {
		ensemble = SharedEnsemble.get();
		lanyard = new Lanyard(ensemble.endpoints().gatewayUrl());
		events = new EventLog(ensemble.endpoints());
		admin = lanyard.token(ensemble.administrator());
		// groups are provisioned manually by default: only groups an administrator added
		// are tracked
		for (String name : List.of("eng-" + SUFFIX, "ops-" + SUFFIX, "data-" + SUFFIX)) {
			JsonNode group = lanyard.ok(admin, "POST", "/api/admin/groups", Map.of("name", name));
			GROUP_IDS.put(name, group.get("id").asString());
		}
	}

	@Test
	void signInWhenOktaLikeClaimsThenUserWithGroupsAndSecondSignInSyncsExactlyTheChangedMemberships() throws Exception {
		Browser browser = new Browser(lanyard.gateway());
		String subject = "00u" + SUFFIX;
		String username = "okta.ada" + SUFFIX;
		Map<String, Object> claims = new HashMap<>(Map.of("preferred_username", username, "email",
				username + "@example.com", "given_name", "Ada", "family_name", "Lovelace", "groups",
				List.of("eng-" + SUFFIX, "ops-" + SUFFIX, "unknown-" + SUFFIX)));

		HttpResponse<String> callback = browser.signIn("dev", subject, claims);

		assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
		JsonNode me = browser.me();
		String userId = me.get("id").asString();
		assertThat(me.get("username").asString()).isEqualTo(username);
		assertThat(me.get("firstName").asString()).isEqualTo("Ada");
		assertThat(me.get("lastName").asString()).isEqualTo("Lovelace");
		assertThat(me.get("role").asString()).isEqualTo("viewer");
		assertThat(me.get("groups").findValuesAsString("id")).containsExactlyInAnyOrder(GROUP_IDS.get("eng-" + SUFFIX),
				GROUP_IDS.get("ops-" + SUFFIX));
		assertThat(memberships(userId, 2)).containsExactlyInAnyOrder("added eng-" + SUFFIX, "added ops-" + SUFFIX);
		assertThat(events.read(Topics.USER_CHANGED, (e) -> e.getUserId().equals(userId), 1, WAIT))
			.extracting(UserChanged::getUsername)
			.contains(username);

		claims.put("groups", List.of("ops-" + SUFFIX, "data-" + SUFFIX));
		Browser again = new Browser(lanyard.gateway());
		assertThat(again.signIn("dev", subject, claims).statusCode()).isEqualTo(302);

		assertThat(again.me().get("id").asString()).isEqualTo(userId);
		assertThat(memberships(userId, 4)).containsExactlyInAnyOrder("added eng-" + SUFFIX, "added ops-" + SUFFIX,
				"removed eng-" + SUFFIX, "added data-" + SUFFIX);
		JsonNode viaAdmin = lanyard.ok(admin, "GET", "/api/admin/users/" + userId, null);
		assertThat(viaAdmin.get("username").asString()).isEqualTo(username);
	}

	@Test
	void signInWhenGoogleLikeClaimsWithoutUsernameOrGroupsThenUsernameDerivedFromEmail() throws Exception {
		Browser browser = new Browser(lanyard.gateway());
		String local = "grace.hopper" + SUFFIX;

		HttpResponse<String> callback = browser.signIn("dev", "1089" + SUFFIX, Map.of("email", local + "@gmail.example",
				"given_name", "Grace", "family_name", "Hopper", "email_verified", true));

		assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
		JsonNode me = browser.me();
		assertThat(me.get("username").asString()).isEqualTo(local);
		assertThat(me.get("email").asString()).isEqualTo(local + "@gmail.example");
		assertThat(me.get("groups")).isEmpty();
	}

	@Test
	void signInWhenClaimedUsernameProhibitedThenRefusedWithTheRuleAndNoUserCreated() throws Exception {
		Browser browser = new Browser(lanyard.gateway());

		HttpResponse<String> callback = browser.signIn("dev", "reserved-" + SUFFIX,
				Map.of("preferred_username", "settings", "email", "settings" + SUFFIX + "@example.com"));

		assertThat(callback.statusCode()).isEqualTo(403);
		assertThat(Lanyard.JSON.readTree(callback.body()).get("detail").asString()).contains("settings");
		assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
		JsonNode found = lanyard.ok(admin, "GET", "/api/admin/users?q=settings" + SUFFIX, null);
		assertThat(found.get("users")).isEmpty();
	}

	@Test
	void sessionTokenWhenSignedInThenIssuedAsUserSessionTokenWithItsAuditRecord() throws Exception {
		Browser browser = new Browser(lanyard.gateway());
		browser.signIn("dev", "tok-" + SUFFIX, Map.of("preferred_username", "tok" + SUFFIX));
		String userId = browser.me().get("id").asString();

		assertThat(browser.post("/api/me/session-token").statusCode()).as("no content named").isEqualTo(400);
		HttpResponse<String> issued = browser
			.post("/api/me/session-token?content=" + ensemble.demoContent().clientId());

		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
		String token = Lanyard.JSON.readTree(issued.body()).get("access_token").asString();
		String auditor = lanyard.token(ensemble.demoAuditor());
		String hash = Lanyard.sha256(token);
		JsonNode records = null;
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (System.nanoTime() < deadline) {
			records = lanyard.auditEvents(auditor, "tokenSha256=" + hash);
			if (!records.isEmpty()) {
				break;
			}
			Thread.sleep(250);
		}
		assertThat(records).hasSize(1);
		assertThat(records.get(0).get("tokenType").asString()).isEqualTo("user-session");
		assertThat(records.get(0).get("subjectId").asString()).isEqualTo(userId);
		assertThat(records.get(0).get("contentId").asString()).isEqualTo(ensemble.demoContent().clientId());
	}

	@Test
	void signOutWhenSignedInThenSessionAndItsUserSessionTokensEnded() throws Exception {
		Browser browser = new Browser(lanyard.gateway());
		browser.signIn("dev", "out-" + SUFFIX, Map.of("preferred_username", "out" + SUFFIX));
		assertThat(browser.get("/api/me").statusCode()).isEqualTo(200);
		HttpResponse<String> issued = browser
			.post("/api/me/session-token?content=" + ensemble.demoContent().clientId());
		String token = Lanyard.JSON.readTree(issued.body()).get("access_token").asString();
		// no such integration: the answer says so while the token is good
		assertThat(exchange(token).body()).contains("invalid_target");

		assertThat(browser.post("/logout").statusCode()).isEqualTo(204);

		assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
		HttpResponse<String> after = exchange(token);
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (!after.body().contains("has ended") && System.nanoTime() < deadline) {
			Thread.sleep(250);
			after = exchange(token);
		}
		assertThat(after.statusCode()).as(after.body()).isEqualTo(400);
		assertThat(after.body()).contains("invalid_grant").contains("has ended");
	}

	private static HttpResponse<String> exchange(String userSessionToken) throws Exception {
		return lanyard.tokenRequest(ensemble.demoContent(),
				Map.of("grant_type", OAuthNames.TOKEN_EXCHANGE, "subject_token", userSessionToken, "subject_token_type",
						OAuthNames.USER_SESSION, "audience", "no-such-integration"));
	}

	@Test
	void sessionWhenGatewayRestartedThenStillSignedIn() throws Exception {
		Browser browser = new Browser(lanyard.gateway());
		browser.signIn("dev", "stay-" + SUFFIX, Map.of("preferred_username", "stay" + SUFFIX));
		String userId = browser.me().get("id").asString();

		ensemble.restartService(LanyardService.AUTH_GATEWAY.serviceName(), Map.of());

		// the session is in the gateway's database; the restarted gateway re-reads the
		// users from Kafka, so /api/me answers once it caught up (bounded)
		HttpResponse<String> me = browser.get(lanyard.gateway() + "/api/me");
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (me.statusCode() != 200 && System.nanoTime() < deadline) {
			Thread.sleep(250);
			me = browser.get(lanyard.gateway() + "/api/me");
		}
		assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
		assertThat(Lanyard.JSON.readTree(me.body()).get("id").asString()).isEqualTo(userId);
		assertThat(browser.post("/api/me/session-token?content=" + ensemble.demoContent().clientId()).statusCode())
			.isEqualTo(200);
	}

	/** "added name" / "removed name" for each GroupMembershipChanged of the user. */
	private static List<String> memberships(String userId, int expected) {
		return events.read(Topics.GROUP_MEMBERSHIP_CHANGED, (e) -> e.getUserId().equals(userId), expected, WAIT)
			.stream()
			.map((GroupMembershipChanged e) -> e.getChange() + " " + e.getGroupName())
			.toList();
	}

}
