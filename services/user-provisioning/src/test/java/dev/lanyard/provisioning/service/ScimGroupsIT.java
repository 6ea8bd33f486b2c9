package dev.lanyard.provisioning.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.lanyard.events.GroupMembershipChanged;
import dev.lanyard.events.UserChanged;
import dev.lanyard.provisioning.service.ScimSupport.ScimResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.lanyard.provisioning.service.ScimSupport.filter;
import static dev.lanyard.provisioning.service.ScimSupport.patch;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /scim/v2/Groups} as Okta and Entra ID push groups: membership by PATCH (each
 * membership one event), renames, and refusals that change nothing.
 */
class ScimGroupsIT extends ServiceTestSupport {

	@Autowired
	JdbcClient jdbc;

	private ScimSupport scim;

	private String client;

	@BeforeEach
	void client() {
		this.client = unique("idp-");
		Response created = admin("POST", "/api/admin/scim-clients", "{\"name\":\"" + this.client + "\"}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		this.scim = new ScimSupport(this.port, created.json().get("token").asString());
	}

	@Test
	void oktaGroupPushWhenPatchedThenOneMembershipEventPerMemberAndRename() {
		String ada = createUser();
		String bob = createUser();
		String name = unique("Engineering ");
		ScimResponse created = this.scim.send("POST", "/Groups",
				"{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"" + name
						+ "\",\"members\":[]}",
				null);
		String id = created.assertStatus(201).json().get("id").asString();
		assertThat(created.location()).endsWith("/scim/v2/Groups/" + id);
		assertThat(created.etag()).isEqualTo("W/\"1\"");
		assertThat(this.scim.get("/Groups?filter=" + filter("displayName eq \"" + name + "\""))
			.json()
			.get("totalResults")
			.asInt()).isEqualTo(1);

		String addCorrelation = unique("okta-add-");
		ScimResponse added = this.scim.send("PATCH", "/Groups/" + id,
				patch("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + ada + "\",\"display\":\"a\"},"
						+ "{\"value\":\"" + bob + "\"}]}"),
				addCorrelation);
		assertThat(added.assertStatus(200).json().has("members")).isFalse();
		assertThat(added.etag()).isEqualTo("W/\"2\"");
		List<ConsumerRecord<String, GroupMembershipChanged>> memberships = kafka.await(GroupMembershipChanged.class,
				addCorrelation, (list) -> list.size() >= 2, EVENTUALLY);
		assertThat(memberships).hasSize(2);
		assertThat(memberships).allSatisfy((record) -> {
			assertThat(record.value().getGroupId()).isEqualTo(id);
			assertThat(record.value().getActorId()).isEqualTo("scim-client:" + this.client);
		});
		assertThat(kafka.await(UserChanged.class, addCorrelation, (list) -> list.size() >= 2, EVENTUALLY))
			.extracting((record) -> record.value().getUserId())
			.containsExactlyInAnyOrder(ada, bob);

		String removeCorrelation = unique("okta-remove-");
		this.scim
			.send("PATCH", "/Groups/" + id,
					patch("{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + ada + "\\\"]\"}",
							"{\"op\":\"replace\",\"value\":{\"id\":\"" + id + "\",\"displayName\":\"" + name
									+ " 2\"}}"),
					removeCorrelation)
			.assertStatus(200);
		GroupMembershipChanged removed = kafka.awaitOne(GroupMembershipChanged.class, removeCorrelation, EVENTUALLY)
			.value();
		assertThat(removed.getUserId()).isEqualTo(ada);
		JsonNode group = this.scim.get("/Groups/" + id).json();
		assertThat(group.get("displayName").asString()).isEqualTo(name + " 2");
		assertThat(group.get("members").findValuesAsString("value")).containsExactly(bob);
		JsonNode without = this.scim.get("/Groups/" + id + "?excludedAttributes=members").json();
		assertThat(without.has("members")).isFalse();
	}

	@Test
	void entraDefaultRemovalWhenValueListThenRemoved() {
		String ada = createUser();
		String id = createGroup(List.of(ada));
		String correlation = unique("entra-remove-");
		this.scim.send("PATCH", "/Groups/" + id,
				patch("{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"" + ada + "\"}]}"), correlation)
			.assertStatus(200);
		assertThat(kafka.awaitOne(GroupMembershipChanged.class, correlation, EVENTUALLY).value().getChange())
			.isEqualTo("removed");
		assertThat(this.scim.get("/Groups/" + id).json().get("members")).isEmpty();
	}

	@Test
	void patchWhenMemberDoesNotExistThenInvalidValueAndNothingChanged() {
		String ada = createUser();
		String id = createGroup(List.of());
		this.scim
			.send("PATCH", "/Groups/" + id,
					patch("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + ada + "\"},{\"value\":\""
							+ UUID.randomUUID() + "\"}]}"),
					null)
			.assertError(400, "invalidValue");
		JsonNode group = this.scim.get("/Groups/" + id).json();
		assertThat(group.get("members")).isEmpty();
		assertThat(group.get("meta").get("version").asString()).isEqualTo("W/\"1\"");
	}

	@Test
	void patchWhenTooManyMembersThenTooMany() {
		String id = createGroup(List.of());
		StringBuilder members = new StringBuilder();
		for (int i = 0; i <= 1000; i++) {
			members.append((i > 0) ? "," : "").append("{\"value\":\"").append(UUID.randomUUID()).append("\"}");
		}
		this.scim
			.send("PATCH", "/Groups/" + id, patch("{\"op\":\"add\",\"path\":\"members\",\"value\":[" + members + "]}"),
					null)
			.assertError(400, "tooMany");
	}

	@Test
	void patchWhenIfMatchStaleThenPreconditionFailed() {
		String id = createGroup(List.of());
		this.scim
			.call("PATCH", "/Groups/" + id,
					patch("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"" + unique("x") + "\"}"), null,
					Map.of("If-Match", "W/\"9\""))
			.assertError(412, null);
	}

	@Test
	void createWhenNameTakenThenUniqueness() {
		String name = unique("Dup ");
		this.scim.send("POST", "/Groups", "{\"displayName\":\"" + name + "\"}", null).assertStatus(201);
		this.scim.send("POST", "/Groups", "{\"displayName\":\"" + name + "\"}", null).assertError(409, "uniqueness");
	}

	@Test
	void deleteWhenGroupHasMembersThenEachLeavesAndGroupGone() {
		String ada = createUser();
		String id = createGroup(List.of(ada));
		String correlation = unique("delete-");
		this.scim.send("DELETE", "/Groups/" + id, null, correlation).assertStatus(204);
		assertThat(kafka.awaitOne(GroupMembershipChanged.class, correlation, EVENTUALLY).value().getChange())
			.isEqualTo("removed");
		this.scim.get("/Groups/" + id).assertError(404, null);
	}

	@Test
	void deleteUserWhenScimDeletesThenHiddenAndUserNameFree() {
		String userName = unique("gone") + "@example.com";
		String id = this.scim.send("POST", "/Users", "{\"userName\":\"" + userName + "\"}", null)
			.assertStatus(201)
			.json()
			.get("id")
			.asString();
		this.scim.send("DELETE", "/Users/" + id, null, null).assertStatus(204);
		this.scim.get("/Users/" + id).assertError(404, null);
		assertThat(this.scim.get("/Users?filter=" + filter("userName eq \"" + userName + "\""))
			.json()
			.get("totalResults")
			.asInt()).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM users WHERE id = ?::uuid").param(id).query(Long.class).single())
			.isEqualTo(1);
	}

	private String createUser() {
		String userName = unique("m") + "@example.com";
		return this.scim.send("POST", "/Users", "{\"userName\":\"" + userName + "\"}", null)
			.assertStatus(201)
			.json()
			.get("id")
			.asString();
	}

	private String createGroup(List<String> members) {
		String list = String.join(",", members.stream().map((member) -> "{\"value\":\"" + member + "\"}").toList());
		return this.scim
			.send("POST", "/Groups", "{\"displayName\":\"" + unique("Group ") + "\",\"members\":[" + list + "]}", null)
			.assertStatus(201)
			.json()
			.get("id")
			.asString();
	}

}
