package dev.lanyard.provisioning.service;

import dev.lanyard.events.GroupMembershipChanged;
import dev.lanyard.events.UserChanged;
import dev.lanyard.events.UserLoggedIn;
import dev.lanyard.events.UserLoginRefused;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.testing.jwt.TestJwks;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin API: who may call it, and what each change does and publishes. */
class AdminApiIT extends ServiceTestSupport {

	@Test
	void usersWhenNoTokenThenUnauthorizedProblem() {
		Response response = call("GET", "/api/admin/users", null, null, null);
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.wwwAuthenticate()).startsWith("Bearer");
		assertThat(response.json().get("detail").asString()).isEqualTo("A bearer token is required");
	}

	@Test
	void usersWhenTokenFromOtherIssuerThenUnauthorized() {
		Response response = call("GET", "/api/admin/users",
				jwks.token().issuer("http://127.0.0.1:9999").subject("admin-client").roles("administrator").sign(),
				null, null);
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.json().get("title").asString()).isEqualTo("Unauthorized");
	}

	@Test
	void usersWhenTokenMeantForAnotherServiceThenUnauthorized() {
		Response response = call("GET", "/api/admin/users",
				jwks.token().audience("integration-registry").subject("admin-client").roles("administrator").sign(),
				null, null);
		assertThat(response.status()).isEqualTo(401);
	}

	@Test
	void usersWhenAuditorsRelayedAuditTokenThenRefused() {
		// as token-broker mints it for the gateway's relay to audit: meant for audit
		// alone
		Response asMinted = call("GET", "/api/admin/users",
				jwks.token().audience("audit").tokenType("user-audit").subject("user-1").roles("auditor").sign(), null,
				null);
		assertThat(asMinted.status()).isEqualTo(401);
		// even were its audience ours, its kind is not a client's own token
		Response retargeted = call("GET", "/api/admin/users",
				jwks.token().tokenType("user-audit").subject("user-1").roles("administrator").sign(), null, null);
		assertThat(retargeted.status()).isEqualTo(403);
	}

	@Test
	void usersWhenTokenWithoutAdministratorRoleThenForbiddenProblem() {
		Response response = call("POST", "/api/admin/users", jwks.token("publisher-1", "publisher"),
				"{\"uniqueId\":\"x\"}", null);
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("detail").asString()).contains("requires the role administrator");
	}

	@Test
	void usersWhenUserSessionTokenOfAnAdministratorThenForbiddenNamingTokenType() {
		Response response = call("GET", "/api/admin/users", jwks.token()
			.tokenType(TestJwks.USER_SESSION)
			.typ("at+jwt") // so the claim-level check is the one refusing
			.subject("user-7")
			.roles("administrator")
			.sign(), null, null);
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("detail").asString()).contains("requires a token of type content-session")
			.contains("user-session");
	}

	@Test
	void usersWhenTokenWithoutTokenTypeThenForbidden() {
		Response response = call("GET", "/api/admin/users",
				jwks.token().tokenType(null).subject("admin-client").roles("administrator").sign(), null, null);
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.json().get("detail").asString()).contains("content-session");
	}

	@Test
	void usersWhenContentSessionTokenOfAnAdministratorThenAllowed() {
		Response response = call("GET", "/api/admin/users?limit=1",
				jwks.token().tokenType(TestJwks.CONTENT_SESSION).subject("admin-client").roles("administrator").sign(),
				null, null);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	@Test
	void usersWhenCreatedLockedAndSignedInThenEventsAndRefusal() {
		String uniqueId = unique("okta-");
		String username = unique("ada");
		String correlationId = unique("admin-corr-");
		Response created = call("POST", "/api/admin/users", adminToken(), "{\"uniqueId\":\"" + uniqueId
				+ "\",\"issuer\":\"https://idp.example.com\",\"username\":\"" + username + "\",\"role\":\"publisher\"}",
				correlationId);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		UserChanged snapshot = kafka.awaitOne(UserChanged.class, correlationId, EVENTUALLY).value();
		assertThat(snapshot.getUserId()).isEqualTo(id);
		assertThat(snapshot.getActorId()).isEqualTo("admin-client");
		assertThat(snapshot.getRole()).isEqualTo("publisher");

		Response found = admin("GET", "/api/admin/users?q=" + username.substring(0, 8) + "&limit=5", null);
		assertThat(found.status()).isEqualTo(200);
		assertThat(found.json().get("users").findValuesAsString("id")).contains(id);

		Response edited = admin("PATCH", "/api/admin/users/" + id, "{\"firstName\":\"Ada\",\"email\":null}");
		assertThat(edited.status()).as(edited.body()).isEqualTo(200);
		assertThat(edited.json().get("firstName").asString()).isEqualTo("Ada");
		assertThat(edited.json().get("version").asLong()).isEqualTo(2);

		String lockCorrelation = unique("lock-");
		Response locked = call("POST", "/api/admin/users/" + id + "/lock", adminToken(), null, lockCorrelation);
		assertThat(locked.status()).isEqualTo(200);
		assertThat(kafka.awaitOne(UserChanged.class, lockCorrelation, EVENTUALLY).value().getLocked()).isTrue();

		UserLoggedIn login = login(uniqueId, username, null).setRegisterOnFirstLogin(false).build();
		kafka.send(Topics.USER_LOGGED_IN.name(), null, uniqueId, login);
		UserLoginRefused refused = kafka.awaitOne(UserLoginRefused.class, login.getCorrelationId(), EVENTUALLY).value();
		assertThat(refused.getReason()).isEqualTo("locked");
		assertThat(refused.getUserId()).isEqualTo(id);

		assertThat(admin("POST", "/api/admin/users/" + id + "/unlock", null).status()).isEqualTo(200);
		UserLoggedIn again = login(uniqueId, username, null).setRegisterOnFirstLogin(false).build();
		kafka.send(Topics.USER_LOGGED_IN.name(), null, uniqueId, again);
		UserChanged signedIn = kafka.awaitOne(UserChanged.class, again.getCorrelationId(), EVENTUALLY).value();
		assertThat(signedIn.getUserId()).isEqualTo(id);
		assertThat(signedIn.getLocked()).isFalse();
	}

	@Test
	void editWhenFieldClaimedBySignInThenConflictAndNothingChanged() {
		String uniqueId = unique("okta-");
		UserLoggedIn login = login(uniqueId, unique("grace"), null).build();
		kafka.send(Topics.USER_LOGGED_IN.name(), null, uniqueId, login);
		String id = kafka.awaitOne(UserChanged.class, login.getCorrelationId(), EVENTUALLY).value().getUserId();

		Response refused = admin("PATCH", "/api/admin/users/" + id, "{\"email\":\"other@example.com\"}");

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().get("field").asString()).isEqualTo("email");
		JsonNode user = admin("GET", "/api/admin/users/" + id, null).json();
		assertThat(user.get("email").asString()).isEqualTo(login.getEmail());
		assertThat(user.get("claimedFields").toString()).contains("\"email\"").contains("\"username\"");
	}

	@Test
	void createWhenUsernameInvalidThenBadRequestNamingRuleAndNothingCreated() {
		String uniqueId = unique("okta-");
		Response response = admin("POST", "/api/admin/users",
				"{\"uniqueId\":\"" + uniqueId + "\",\"issuer\":\"https://idp.example.com\",\"username\":\"9lives\"}");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("field").asString()).isEqualTo("username");
		assertThat(response.json().get("detail").asString()).contains("must start with a letter");
		assertThat(admin("GET", "/api/admin/users?q=9lives", null).json().get("users")).isEmpty();
	}

	@Test
	void userWhenIdMalformedOrUnknownThenProblem() {
		assertThat(admin("GET", "/api/admin/users/not-a-uuid", null).status()).isEqualTo(400);
		Response unknown = admin("GET", "/api/admin/users/00000000-0000-0000-0000-000000000000", null);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
	}

	@Test
	void groupsWhenMemberAddedListedAndGroupDeletedThenMembershipEvents() {
		String name = unique("Analysts-");
		Response group = admin("POST", "/api/admin/groups", "{\"name\":\"" + name + "\"}");
		assertThat(group.status()).as(group.body()).isEqualTo(201);
		String groupId = group.json().get("id").asString();
		assertThat(admin("POST", "/api/admin/groups", "{\"name\":\"" + name + "\"}").status()).isEqualTo(409);
		String user = admin("POST", "/api/admin/users", "{\"uniqueId\":\"" + unique("u-")
				+ "\",\"issuer\":\"https://idp.example.com\",\"email\":\"" + unique("hedy") + "@example.com\"}")
			.json()
			.get("id")
			.asString();

		String addCorrelation = unique("add-");
		assertThat(call("PUT", "/api/admin/groups/" + groupId + "/members/" + user, adminToken(), null, addCorrelation)
			.status()).isEqualTo(204);
		GroupMembershipChanged added = kafka.awaitOne(GroupMembershipChanged.class, addCorrelation, EVENTUALLY).value();
		assertThat(added.getChange()).isEqualTo("added");
		assertThat(added.getGroupName()).isEqualTo(name);
		assertThat(kafka.awaitOne(UserChanged.class, addCorrelation, EVENTUALLY).value().getGroupIds())
			.containsExactly(groupId);
		assertThat(admin("GET", "/api/admin/groups/" + groupId + "/members", null).json()
			.get("members")
			.findValuesAsString("id")).containsExactly(user);
		assertThat(admin("GET", "/api/admin/groups", null).json().get("groups").findValuesAsString("name"))
			.contains(name);

		String deleteCorrelation = unique("delete-");
		assertThat(call("DELETE", "/api/admin/groups/" + groupId, adminToken(), null, deleteCorrelation).status())
			.isEqualTo(204);
		assertThat(kafka.awaitOne(GroupMembershipChanged.class, deleteCorrelation, EVENTUALLY).value().getChange())
			.isEqualTo("removed");
		assertThat(admin("GET", "/api/admin/groups/" + groupId, null).status()).isEqualTo(404);
	}

	@Test
	void healthWhenUpThenAnsweredWithoutToken() {
		Response response = call("GET", "/actuator/health", null, null, null);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("status").asString()).isEqualTo("UP");
	}

}
