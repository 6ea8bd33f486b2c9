package dev.lanyard.provisioning.service;

import java.time.Duration;
import java.util.List;

import dev.lanyard.events.GroupMembershipChanged;
import dev.lanyard.events.UserChanged;
import dev.lanyard.events.UserDeactivated;
import dev.lanyard.events.UserLoggedIn;
import dev.lanyard.events.UserLoginRefused;
import dev.lanyard.platform.kafka.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin API's deactivation, reactivation and deletion, and what each publishes. */
class DeprovisioningIT extends ServiceTestSupport {

	/** How long to watch for an event that must not come. */
	private static final Duration SHORTLY = Duration.ofSeconds(2);

	@Test
	void deactivateWhenActiveThenUserDeactivatedThenInactiveSnapshotAndSignInRefused() {
		String uniqueId = unique("okta-");
		String id = signedIn(uniqueId, unique("ada"), List.of());

		String correlationId = unique("deactivate-");
		Response deactivated = call("POST", "/api/admin/users/" + id + "/deactivate", adminToken(),
				"{\"reason\":\"left the company\"}", correlationId);

		assertThat(deactivated.status()).as(deactivated.body()).isEqualTo(200);
		assertThat(deactivated.json().get("active").asBoolean()).isFalse();
		assertThat(deactivated.json().get("deactivationReason").asString()).isEqualTo("left the company");
		ConsumerRecord<String, UserDeactivated> event = kafka.awaitOne(UserDeactivated.class, correlationId,
				EVENTUALLY);
		assertThat(event.key()).isEqualTo(id);
		assertThat(event.value().getReason()).isEqualTo("left the company");
		assertThat(event.value().getActorId()).isEqualTo("admin-client");
		assertThat(kafka.awaitOne(UserChanged.class, correlationId, EVENTUALLY).value().getActive()).isFalse();

		UserLoggedIn login = login(uniqueId, "ignored", null).build();
		kafka.send(Topics.USER_LOGGED_IN.name(), null, uniqueId, login);
		UserLoginRefused refused = kafka.awaitOne(UserLoginRefused.class, login.getCorrelationId(), EVENTUALLY).value();
		assertThat(refused.getReason()).isEqualTo("deactivated");
		assertThat(refused.getUserId()).isEqualTo(id);
	}

	@Test
	void deactivateWhenAlreadyInactiveThenNothingPublished() {
		String id = signedIn(unique("okta-"), unique("bob"), List.of());
		assertThat(admin("POST", "/api/admin/users/" + id + "/deactivate", null).status()).isEqualTo(200);

		String correlationId = unique("again-");
		Response again = call("POST", "/api/admin/users/" + id + "/deactivate", adminToken(), null, correlationId);

		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().get("deactivationReason").asString()).isEqualTo("admin-deactivated");
		assertThat(kafka.await(UserChanged.class, correlationId, (found) -> !found.isEmpty(), SHORTLY)).isEmpty();
	}

	@Test
	void reactivateWhenInactiveThenActiveSnapshotAndSignInAccepted() {
		String uniqueId = unique("okta-");
		String id = signedIn(uniqueId, unique("cy"), List.of());
		admin("POST", "/api/admin/users/" + id + "/deactivate", null);

		String correlationId = unique("reactivate-");
		Response reactivated = call("POST", "/api/admin/users/" + id + "/reactivate", adminToken(), null,
				correlationId);

		assertThat(reactivated.status()).isEqualTo(200);
		assertThat(reactivated.json().get("active").asBoolean()).isTrue();
		assertThat(kafka.awaitOne(UserChanged.class, correlationId, EVENTUALLY).value().getActive()).isTrue();
		UserLoggedIn login = login(uniqueId, "ignored", null).build();
		kafka.send(Topics.USER_LOGGED_IN.name(), null, uniqueId, login);
		assertThat(kafka.awaitOne(UserChanged.class, login.getCorrelationId(), EVENTUALLY).value().getUserId())
			.isEqualTo(id);
	}

	@Test
	void deleteWhenMemberThenDeactivatedMembershipEndedHiddenAndUsernameFree() {
		String uniqueId = unique("okta-");
		String username = unique("dee");
		String group = unique("staff-");
		String id = signedIn(uniqueId, username, List.of());
		String groupId = admin("POST", "/api/admin/groups", "{\"name\":\"" + group + "\"}").json().get("id").asString();
		assertThat(admin("PUT", "/api/admin/groups/" + groupId + "/members/" + id, null).status()).isBetween(200, 204);

		String correlationId = unique("delete-");
		Response deleted = call("DELETE", "/api/admin/users/" + id, adminToken(), null, correlationId);

		assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
		assertThat(kafka.awaitOne(UserDeactivated.class, correlationId, EVENTUALLY).value().getReason())
			.isEqualTo("deleted");
		GroupMembershipChanged left = kafka.awaitOne(GroupMembershipChanged.class, correlationId, EVENTUALLY).value();
		assertThat(left.getGroupName()).isEqualTo(group);
		assertThat(left.getChange()).isEqualTo("removed");
		UserChanged last = kafka.awaitOne(UserChanged.class, correlationId, EVENTUALLY).value();
		assertThat(last.getActive()).isFalse();
		assertThat(last.getGroupIds()).isEmpty();
		Response gone = admin("GET", "/api/admin/users/" + id, null);
		assertThat(gone.status()).isEqualTo(404);
		assertThat(gone.contentType()).startsWith("application/problem+json");
		assertThat(admin("GET", "/api/admin/users?q=" + username, null).json().get("users").findValuesAsString("id"))
			.doesNotContain(id);
		assertThat(admin("DELETE", "/api/admin/users/" + id, null).status()).isEqualTo(404);
		assertThat(admin("POST", "/api/admin/users/" + id + "/reactivate", null).status()).isEqualTo(404);

		UserLoggedIn login = login(uniqueId, "ignored", null).build();
		kafka.send(Topics.USER_LOGGED_IN.name(), null, uniqueId, login);
		assertThat(kafka.awaitOne(UserLoginRefused.class, login.getCorrelationId(), EVENTUALLY).value().getReason())
			.isEqualTo("deactivated");
		Response reused = admin("POST", "/api/admin/users", "{\"uniqueId\":\"" + unique("new-")
				+ "\",\"issuer\":\"https://idp.example.com\",\"username\":\"" + username + "\"}");
		assertThat(reused.status()).as(reused.body()).isEqualTo(201);
	}

	@Test
	void deactivateWhenBodyHasOtherFieldsThenBadRequestAndNothingChanged() {
		String id = signedIn(unique("okta-"), unique("eve"), List.of());

		Response refused = admin("POST", "/api/admin/users/" + id + "/deactivate", "{\"active\":false}");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(admin("GET", "/api/admin/users/" + id, null).json().get("active").asBoolean()).isTrue();
	}

	@Test
	void deactivateWhenNotAdministratorThenForbidden() {
		String id = signedIn(unique("okta-"), unique("fay"), List.of());

		Response refused = call("POST", "/api/admin/users/" + id + "/deactivate",
				jwks.token("publisher-1", "publisher"), null, null);

		assertThat(refused.status()).isEqualTo(403);
		assertThat(admin("GET", "/api/admin/users/" + id, null).json().get("active").asBoolean()).isTrue();
	}

	private static String signedIn(String uniqueId, String username, List<String> groups) {
		UserLoggedIn login = login(uniqueId, username, groups).build();
		kafka.send(Topics.USER_LOGGED_IN.name(), null, uniqueId, login);
		return kafka.awaitOne(UserChanged.class, login.getCorrelationId(), EVENTUALLY).value().getUserId();
	}

}
