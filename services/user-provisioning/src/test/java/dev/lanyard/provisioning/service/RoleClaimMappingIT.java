package dev.lanyard.provisioning.service;

import java.util.List;

import dev.lanyard.events.UserChanged;
import dev.lanyard.events.UserLoggedIn;
import dev.lanyard.launcher.Infrastructure;
import dev.lanyard.platform.kafka.Topics;
import org.junit.jupiter.api.Test;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Roles from the role claim, with a custom value mapped and the least privileged match
 * winning ({@code restrictive}).
 * <p>
 * Its own context, database and consumer group, closed after the class; users are created
 * through the API and sign in with {@code registerOnFirstLogin=false} so that the default
 * context, when alive, only refuses them (see {@link GroupsByUniqueIdIT}).
 */
@DirtiesContext
@TestPropertySource(properties = { "spring.kafka.consumer.group-id=user-provisioning-role-claim-mapping-it",
		"lanyard.provisioning.role-mapping.source=claim",
		"lanyard.provisioning.role-mapping.claim-values.publisher=Data.Publisher",
		"lanyard.provisioning.role-mapping.restrictive=true" })
class RoleClaimMappingIT extends ServiceTestSupport {

	static final String DATABASE = "user_provisioning_role_claim_mapping";

	/**
	 * Hikari's own URL, bound onto the pool after {@code spring.datasource.url}, which
	 * the inherited property source sets (and would win over one set here).
	 */
	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.hikari.jdbc-url", () -> Infrastructure.shared().jdbcUrl(DATABASE));
	}

	@Test
	void signInWhenRoleClaimCarriesMappedValueThenPublisherAndAdminCannotEditRole() {
		assertThat(this.jdbc.queryForObject("SELECT current_database()", String.class)).isEqualTo(DATABASE);
		String uniqueId = unique("entra-");
		String username = unique("ada");
		String userId = createUser(uniqueId, username);

		UserLoggedIn login = claimLogin(uniqueId, username, List.of("Data.Publisher"));
		kafka.send(Topics.USER_LOGGED_IN.name(), null, uniqueId, login);

		UserChanged changed = kafka.awaitOne(UserChanged.class, login.getCorrelationId(), EVENTUALLY).value();
		assertThat(changed.getUserId()).isEqualTo(userId);
		assertThat(changed.getRole()).isEqualTo("publisher");

		Response refused = admin("PATCH", "/api/admin/users/" + userId, "{\"role\":\"administrator\"}");
		assertThat(refused.status()).as(refused.body()).isEqualTo(409);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().path("field").asString()).isEqualTo("role");
		assertThat(admin("GET", "/api/admin/users/" + userId, null).json().path("role").asString())
			.isEqualTo("publisher");
	}

	@Test
	void signInWhenRoleClaimMatchesSeveralRolesThenLeastPrivilegedWins() {
		String uniqueId = unique("entra-");
		String username = unique("grace");
		createUser(uniqueId, username);

		UserLoggedIn login = claimLogin(uniqueId, username, List.of("administrator", "Data.Publisher"));
		kafka.send(Topics.USER_LOGGED_IN.name(), null, uniqueId, login);

		assertThat(kafka.awaitOne(UserChanged.class, login.getCorrelationId(), EVENTUALLY).value().getRole())
			.isEqualTo("publisher");
	}

	private static UserLoggedIn claimLogin(String uniqueId, String username, List<String> roleClaim) {
		return login(uniqueId, username, null).setProvider("entra")
			.setRoleClaim(roleClaim)
			.setRegisterOnFirstLogin(false)
			.build();
	}

	private String createUser(String uniqueId, String username) {
		Response created = admin("POST", "/api/admin/users",
				"{\"uniqueId\":\"" + uniqueId + "\",\"issuer\":\"" + ISSUER + "\",\"username\":\"" + username + "\"}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

}
