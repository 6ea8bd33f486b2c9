package dev.lanyard.provisioning.service;

import dev.lanyard.events.UserChanged;
import dev.lanyard.events.UserDeactivated;
import dev.lanyard.launcher.Infrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code lanyard.provisioning.access-groups}: removal from the last access group through
 * the admin API deactivates the user in the same change; adding them back reactivates
 * them. Its own context and database (the setting is fixed at start-up).
 */
@DirtiesContext
@TestPropertySource(properties = { "spring.kafka.consumer.group-id=user-provisioning-access-groups-it",
		"lanyard.provisioning.access-groups=" + AccessGroupsIT.ACCESS })
class AccessGroupsIT extends ServiceTestSupport {

	static final String ACCESS = "lanyard-users";

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.hikari.jdbc-url",
				() -> Infrastructure.shared().jdbcUrl("user_provisioning_access_groups"));
	}

	@Test
	void removeMemberWhenLastAccessGroupThenDeactivatedAndAddedBackReactivated() {
		String group = accessGroup();
		String user = admin("POST", "/api/admin/users", "{\"uniqueId\":\"" + unique("okta-")
				+ "\",\"issuer\":\"https://idp.example.com\",\"username\":\"" + unique("ada") + "\"}")
			.json()
			.get("id")
			.asString();
		assertThat(admin("PUT", "/api/admin/groups/" + group + "/members/" + user, null).status()).isBetween(200, 204);

		String removal = unique("remove-");
		Response removed = call("DELETE", "/api/admin/groups/" + group + "/members/" + user, adminToken(), null,
				removal);

		assertThat(removed.status()).as(removed.body()).isBetween(200, 204);
		assertThat(kafka.awaitOne(UserDeactivated.class, removal, EVENTUALLY).value().getReason())
			.isEqualTo("no-access-group");
		assertThat(kafka.awaitOne(UserChanged.class, removal, EVENTUALLY).value().getActive()).isFalse();
		assertThat(admin("GET", "/api/admin/users/" + user, null).json().get("deactivationReason").asString())
			.isEqualTo("no-access-group");

		String back = unique("add-");
		call("PUT", "/api/admin/groups/" + group + "/members/" + user, adminToken(), null, back);

		assertThat(kafka.awaitOne(UserChanged.class, back, EVENTUALLY).value().getActive()).isTrue();
	}

	@Test
	void admitFederatedUserWhenInNoAccessGroupThen422NoAccessGroupAndNotCreated() {
		accessGroup();
		String subject = unique("fed");

		Response refused = call("POST", "/internal/federated-users", FederatedUsersIT.internalToken(),
				"{\"issuer\":\"" + ISSUER + "\",\"uniqueId\":\"" + subject + "\",\"email\":\"" + subject
						+ "@example.com\",\"groups\":[\"outsiders\"]}",
				null);

		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.json().get("reason").asString()).isEqualTo("no-access-group");
		assertThat(admin("GET", "/api/admin/users?q=" + subject, null).json().get("users")).isEmpty();

		Response admitted = call("POST", "/internal/federated-users", FederatedUsersIT.internalToken(),
				"{\"issuer\":\"" + ISSUER + "\",\"uniqueId\":\"" + subject + "\",\"email\":\"" + subject
						+ "@example.com\",\"groups\":[\"" + ACCESS + "\"]}",
				null);

		assertThat(admitted.status()).as(admitted.body()).isEqualTo(201);
	}

	/** The access group, created by the first run against this database. */
	private String accessGroup() {
		Response created = admin("POST", "/api/admin/groups", "{\"name\":\"" + ACCESS + "\"}");
		if (created.status() == 201) {
			return created.json().get("id").asString();
		}
		for (JsonNode group : admin("GET", "/api/admin/groups", null).json().findParents("name")) {
			if (ACCESS.equals(group.get("name").asString())) {
				return group.get("id").asString();
			}
		}
		throw new AssertionError("no group " + ACCESS + ": " + created.body());
	}

}
