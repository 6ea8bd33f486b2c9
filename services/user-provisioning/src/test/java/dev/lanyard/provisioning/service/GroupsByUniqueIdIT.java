package dev.lanyard.provisioning.service;

import java.util.List;
import java.util.UUID;

import dev.lanyard.events.GroupMembershipChanged;
import dev.lanyard.events.UserChanged;
import dev.lanyard.events.UserLoggedIn;
import dev.lanyard.launcher.Infrastructure;
import dev.lanyard.platform.kafka.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An Entra-like identity provider: the groups claim carries group object ids, matched by
 * unique id against groups an administrator created, and roles come from two of those
 * groups.
 * <p>
 * Its own context, so its own database and consumer group (it applies every sign-in on
 * the topic, not a share of the partitions), closed after the class so it never applies
 * other classes' sign-ins. Users are created through the API and sign in with
 * {@code registerOnFirstLogin=false}: the default context, when alive, refuses them as
 * unknown and changes nothing.
 */
@DirtiesContext
@TestPropertySource(properties = { "spring.kafka.consumer.group-id=user-provisioning-groups-by-unique-id-it",
		"lanyard.provisioning.groups.match-by=unique-id", "lanyard.provisioning.role-mapping.source=groups",
		"lanyard.provisioning.role-mapping.group-roles.publisher=" + GroupsByUniqueIdIT.PUBLISHERS,
		"lanyard.provisioning.role-mapping.group-roles.administrator=" + GroupsByUniqueIdIT.ADMINISTRATORS })
class GroupsByUniqueIdIT extends ServiceTestSupport {

	static final String DATABASE = "user_provisioning_groups_by_unique_id";

	static final String PUBLISHERS = "5b0e8d4a-7c1f-4f3e-9a62-3f1d2c7b9e01";

	static final String ADMINISTRATORS = "c2a4f6e8-1b3d-4e5f-8a7b-9c0d1e2f3a45";

	/**
	 * Hikari's own URL, bound onto the pool after {@code spring.datasource.url}, which
	 * the inherited property source sets (and would win over one set here).
	 */
	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.hikari.jdbc-url", () -> Infrastructure.shared().jdbcUrl(DATABASE));
	}

	@Test
	void signInWhenGroupsClaimCarriesObjectIdsThenKnownGroupsJoinedUnknownIgnoredAndLaterSynced() {
		assertThat(this.jdbc.queryForObject("SELECT current_database()", String.class)).isEqualTo(DATABASE);
		String engineersOid = oid();
		String salesOid = oid();
		String opsOid = oid();
		String engineersName = unique("Engineers ");
		String salesName = unique("Sales ");
		String opsName = unique("Operations ");
		String engineers = createGroup(engineersName, engineersOid);
		String sales = createGroup(salesName, salesOid);
		String ops = createGroup(opsName, opsOid);
		String uniqueId = oid();
		String username = unique("ada");
		String userId = createUser(uniqueId, username);

		UserLoggedIn first = entraLogin(uniqueId, username, List.of(engineersOid, salesOid, oid())).build();
		kafka.send(Topics.USER_LOGGED_IN.name(), null, uniqueId, first);

		UserChanged joined = kafka.awaitOne(UserChanged.class, first.getCorrelationId(), EVENTUALLY).value();
		assertThat(joined.getUserId()).isEqualTo(userId);
		assertThat(joined.getGroupIds()).containsExactlyInAnyOrder(engineers, sales);
		assertThat(joined.getRole()).isEqualTo("viewer");
		assertThat(memberships(first)).containsExactlyInAnyOrder(
				new Membership(userId, engineers, engineersName, "added"),
				new Membership(userId, sales, salesName, "added"));

		UserLoggedIn second = entraLogin(uniqueId, username, List.of(salesOid, opsOid)).build();
		kafka.send(Topics.USER_LOGGED_IN.name(), null, uniqueId, second);

		UserChanged synced = kafka.awaitOne(UserChanged.class, second.getCorrelationId(), EVENTUALLY).value();
		assertThat(synced.getGroupIds()).containsExactlyInAnyOrder(sales, ops);
		assertThat(synced.getVersion()).isEqualTo(joined.getVersion() + 1);
		assertThat(memberships(second)).containsExactlyInAnyOrder(
				new Membership(userId, engineers, engineersName, "removed"),
				new Membership(userId, ops, opsName, "added"));
	}

	@Test
	void signInWhenInPublisherAndAdministratorGroupsThenMostPrivilegedRoleThenFollowsGroups() {
		createGroup(unique("Data Publishers "), PUBLISHERS);
		createGroup(unique("Lanyard Administrators "), ADMINISTRATORS);
		String uniqueId = oid();
		String username = unique("grace");
		createUser(uniqueId, username);

		UserLoggedIn both = entraLogin(uniqueId, username, List.of(PUBLISHERS, ADMINISTRATORS)).build();
		kafka.send(Topics.USER_LOGGED_IN.name(), null, uniqueId, both);
		assertThat(kafka.awaitOne(UserChanged.class, both.getCorrelationId(), EVENTUALLY).value().getRole())
			.isEqualTo("administrator");

		UserLoggedIn publisherOnly = entraLogin(uniqueId, username, List.of(PUBLISHERS)).build();
		kafka.send(Topics.USER_LOGGED_IN.name(), null, uniqueId, publisherOnly);
		assertThat(kafka.awaitOne(UserChanged.class, publisherOnly.getCorrelationId(), EVENTUALLY).value().getRole())
			.isEqualTo("publisher");
	}

	/** An Entra object id. */
	private static String oid() {
		return UUID.randomUUID().toString();
	}

	private static UserLoggedIn.Builder entraLogin(String uniqueId, String username, List<String> groupOids) {
		return login(uniqueId, username, groupOids).setProvider("entra").setRegisterOnFirstLogin(false);
	}

	/** The group's id, once it exists only in this class's database. */
	private String createGroup(String name, String uniqueId) {
		Response created = admin("POST", "/api/admin/groups",
				"{\"name\":\"" + name + "\",\"uniqueId\":\"" + uniqueId + "\"}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private String createUser(String uniqueId, String username) {
		Response created = admin("POST", "/api/admin/users",
				"{\"uniqueId\":\"" + uniqueId + "\",\"issuer\":\"" + ISSUER + "\",\"username\":\"" + username + "\"}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private static List<Membership> memberships(UserLoggedIn login) {
		List<ConsumerRecord<String, GroupMembershipChanged>> changes = kafka.await(GroupMembershipChanged.class,
				login.getCorrelationId(), (list) -> list.size() >= 2, EVENTUALLY);
		changes.forEach((r) -> assertThat(r.key()).isEqualTo(r.value().getUserId()));
		return changes.stream()
			.map((r) -> new Membership(r.value().getUserId(), r.value().getGroupId(), r.value().getGroupName(),
					r.value().getChange()))
			.toList();
	}

	private record Membership(String userId, String groupId, String groupName, String change) {

	}

}
