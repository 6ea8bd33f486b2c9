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
import dev.lanyard.e2e.support.SharedEnsemble;
import dev.lanyard.events.GroupMembershipChanged;
import dev.lanyard.events.UserChanged;
import dev.lanyard.launcher.Ensemble;
import dev.lanyard.launcher.service.LanyardService;
import dev.lanyard.platform.kafka.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in with the claims Microsoft Entra ID sends: an object id ({@code oid}) as the
 * unique id, a UPN in {@code preferred_username}, and group object ids in {@code groups}.
 * user-provisioning runs, for this class only, the way an Entra tenant is set up: groups
 * matched by unique id and the role mapped from groups. The rest of the run uses the
 * default settings, which are put back afterwards.
 */
class EntraLikeSignInIT {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final String PROVISIONING = LanyardService.USER_PROVISIONING.serviceName();

	private static final String ENGINEERS_OID = UUID.randomUUID().toString();

	private static final String PUBLISHERS_OID = UUID.randomUUID().toString();

	private static final String OPERATIONS_OID = UUID.randomUUID().toString();

	private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);

	private static Ensemble ensemble;

	private static Lanyard lanyard;

	private static EventLog events;

	private static String admin;

	private static final Map<String, String> GROUP_IDS = new HashMap<>();

	@BeforeAll
	static void entraLikeProvisioning() throws Exception {
		ensemble = SharedEnsemble.get();
		ensemble.restartService(PROVISIONING, Map.of("SPRING_APPLICATION_JSON", """
				{"lanyard": {"provisioning": {
				  "groups": {"match-by": "unique-id"},
				  "role-mapping": {"source": "groups", "group-roles": {"publisher": ["%s"]}}}}}
				""".formatted(PUBLISHERS_OID)));
		lanyard = new Lanyard(ensemble.endpoints().gatewayUrl());
		events = new EventLog(ensemble.endpoints());
		admin = lanyard.token(ensemble.administrator());
		// matching by unique id: groups exist only as an administrator created them, each
		// with the object id and a display name
		for (Map.Entry<String, String> group : Map
			.of(ENGINEERS_OID, "Engineers " + SUFFIX, PUBLISHERS_OID, "Data Publishers " + SUFFIX, OPERATIONS_OID,
					"Operations " + SUFFIX)
			.entrySet()) {
			JsonNode created = lanyard.ok(admin, "POST", "/api/admin/groups",
					Map.of("name", group.getValue(), "uniqueId", group.getKey()));
			GROUP_IDS.put(group.getKey(), created.get("id").asString());
		}
	}

	@AfterAll
	static void defaultProvisioning() {
		if (ensemble != null) {
			ensemble.restartService(PROVISIONING, Map.of());
		}
	}

	@Test
	void signInWhenEntraLikeClaimsThenGroupsMatchedByObjectIdRoleFromGroupsAndSecondSignInSyncsExactly()
			throws Exception {
		String oid = UUID.randomUUID().toString();
		String local = "ada.lovelace." + SUFFIX;
		Map<String, Object> claims = new HashMap<>(Map.of("oid", oid, "tid", UUID.randomUUID().toString(),
				"preferred_username", local + "@contoso.example", "email", local + "@contoso.example", "name",
				"Ada Lovelace", "given_name", "Ada", "family_name", "Lovelace", "groups",
				List.of(ENGINEERS_OID, PUBLISHERS_OID, UUID.randomUUID().toString())));

		// Entra's sub is pairwise per application; the object id is what identifies her
		Browser browser = new Browser(lanyard.gateway());
		HttpResponse<String> callback = browser.signIn(SharedEnsemble.ENTRA_LIKE, "pairwise-" + UUID.randomUUID(),
				claims);

		assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
		JsonNode me = browser.me();
		String userId = me.get("id").asString();
		assertThat(me.get("username").asString()).as("derived from the email: a UPN is no username").isEqualTo(local);
		assertThat(me.get("role").asString()).isEqualTo("publisher");
		assertThat(me.get("groups").findValuesAsString("id")).containsExactlyInAnyOrder(GROUP_IDS.get(ENGINEERS_OID),
				GROUP_IDS.get(PUBLISHERS_OID));
		JsonNode viaAdmin = lanyard.ok(admin, "GET", "/api/admin/users/" + userId, null);
		assertThat(viaAdmin.get("uniqueId").asString()).isEqualTo(oid);
		HttpResponse<String> demote = lanyard.send(admin, "PATCH", "/api/admin/users/" + userId,
				Map.of("role", "viewer"));
		assertThat(demote.statusCode()).as("a role set by mapping is not editable: " + demote.body()).isEqualTo(409);
		assertThat(memberships(userId, 2)).containsExactlyInAnyOrder("added Engineers " + SUFFIX,
				"added Data Publishers " + SUFFIX);

		// a new sign-in, another session, the same object id: moved to operations
		claims.put("groups", List.of(OPERATIONS_OID));
		HttpResponse<String> again = new Browser(lanyard.gateway()).signIn(SharedEnsemble.ENTRA_LIKE,
				"pairwise-" + UUID.randomUUID(), claims);

		assertThat(again.statusCode()).as(again.body()).isEqualTo(302);
		assertThat(memberships(userId, 5)).containsExactlyInAnyOrder("added Engineers " + SUFFIX,
				"added Data Publishers " + SUFFIX, "removed Engineers " + SUFFIX, "removed Data Publishers " + SUFFIX,
				"added Operations " + SUFFIX);
		UserChanged latest = events.read(Topics.USER_CHANGED, (e) -> e.getUserId().equals(userId), 2, WAIT).getLast();
		assertThat(latest.getRole()).isEqualTo("viewer");
		assertThat(latest.getGroupIds()).containsExactly(GROUP_IDS.get(OPERATIONS_OID));
	}

	/** "added name" / "removed name" for each GroupMembershipChanged of the user. */
	private static List<String> memberships(String userId, int expected) {
		return events.read(Topics.GROUP_MEMBERSHIP_CHANGED, (e) -> e.getUserId().equals(userId), expected, WAIT)
			.stream()
			.map((GroupMembershipChanged e) -> e.getChange() + " " + e.getGroupName())
			.toList();
	}

}
