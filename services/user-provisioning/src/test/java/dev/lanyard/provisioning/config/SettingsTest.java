package dev.lanyard.provisioning.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import dev.lanyard.provisioning.directory.domain.GroupMatching;
import dev.lanyard.provisioning.directory.domain.GroupProvisioning;
import dev.lanyard.provisioning.directory.domain.Role;
import dev.lanyard.provisioning.directory.domain.RoleMapping;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SettingsTest {

	@Test
	void roleMappingWhenNothingSetThenNoneAndNotRestrictive() {
		RoleMappingProperties properties = bind("lanyard.provisioning.role-mapping", RoleMappingProperties.class,
				Map.of());
		assertThat(properties.source()).isEqualTo(RoleMapping.Source.NONE);
		assertThat(properties.restrictive()).isFalse();
	}

	@Test
	void roleMappingWhenClaimValuesBoundThenMappedByRole() {
		RoleMappingProperties properties = bind("lanyard.provisioning.role-mapping", RoleMappingProperties.class,
				Map.of("lanyard.provisioning.role-mapping.source", "claim",
						"lanyard.provisioning.role-mapping.claim-values.administrator[0]", "Lanyard-Admin",
						"lanyard.provisioning.role-mapping.restrictive", "true"));
		RoleMapping mapping = properties.toRoleMapping(Role.VIEWER);
		assertThat(mapping.fromClaim(java.util.List.of("Lanyard-Admin", "publisher"))).isEqualTo(Role.PUBLISHER);
		assertThat(mapping.fromClaim(java.util.List.of("Lanyard-Admin"))).isEqualTo(Role.ADMINISTRATOR);
	}

	@Test
	void roleMappingWhenGroupRolesFromEnvironmentVariablesThenBound() {
		Map<String, Object> environment = Map.of("LANYARD_PROVISIONING_ROLEMAPPING_SOURCE", "groups",
				"LANYARD_PROVISIONING_ROLEMAPPING_GROUPROLES_ADMINISTRATOR_0", "Lanyard Admins");
		Binder binder = new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)));
		RoleMappingProperties properties = binder.bindOrCreate("lanyard.provisioning.role-mapping",
				RoleMappingProperties.class);
		assertThat(properties.groupRoles()).containsEntry(Role.ADMINISTRATOR, java.util.List.of("Lanyard Admins"));
	}

	@Test
	void roleMappingWhenClaimAndGroupsBothSetThenStartUpFailsNamingBothKeys() {
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind("lanyard.provisioning.role-mapping", RoleMappingProperties.class,
					Map.of("lanyard.provisioning.role-mapping.source", "claim",
							"lanyard.provisioning.role-mapping.claim-values.publisher[0]", "author",
							"lanyard.provisioning.role-mapping.group-roles.administrator[0]", "Admins")))
			.havingRootCause()
			.withMessageContaining("lanyard.provisioning.role-mapping.claim-values")
			.withMessageContaining("lanyard.provisioning.role-mapping.group-roles")
			.withMessageContaining("not both");
	}

	@Test
	void roleMappingWhenSourceClaimWithGroupRolesThenNamesKeys() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RoleMappingProperties(RoleMapping.Source.CLAIM, null,
					Map.of(Role.ADMINISTRATOR, java.util.List.of("Admins")), false))
			.withMessageContaining("lanyard.provisioning.role-mapping.source is claim")
			.withMessageContaining("lanyard.provisioning.role-mapping.group-roles");
	}

	@Test
	void roleMappingWhenSourceGroupsWithClaimValuesThenNamesKeys() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RoleMappingProperties(RoleMapping.Source.GROUPS,
					Map.of(Role.ADMINISTRATOR, java.util.List.of("admin")), null, false))
			.withMessageContaining("lanyard.provisioning.role-mapping.source is groups")
			.withMessageContaining("lanyard.provisioning.role-mapping.claim-values");
	}

	@Test
	void roleMappingWhenSourceGroupsWithoutGroupRolesThenNamesKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RoleMappingProperties(RoleMapping.Source.GROUPS, null, null, false))
			.withMessageContaining("lanyard.provisioning.role-mapping.group-roles");
	}

	@Test
	void roleMappingWhenSourceNoneWithValuesThenNamesKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RoleMappingProperties(RoleMapping.Source.NONE,
					Map.of(Role.PUBLISHER, java.util.List.of("author")), null, false))
			.withMessageContaining("lanyard.provisioning.role-mapping.claim-values");
	}

	@Test
	void roleMappingWhenGroupMappedToAuditorThenAccepted() {
		RoleMappingProperties properties = new RoleMappingProperties(RoleMapping.Source.GROUPS, null,
				Map.of(Role.AUDITOR, java.util.List.of("auditors")), false);
		assertThat(properties.toRoleMapping(Role.VIEWER).fromGroups(java.util.List.of("auditors")))
			.isEqualTo(Role.AUDITOR);
	}

	@Test
	void groupsWhenNothingSetThenManualByName() {
		GroupProperties properties = bind("lanyard.provisioning.groups", GroupProperties.class, Map.of());
		assertThat(properties.provisioning()).isEqualTo(GroupProvisioning.MANUAL);
		assertThat(properties.matchBy()).isEqualTo(GroupMatching.NAME);
	}

	@Test
	void groupsWhenMatchByUniqueIdThenBound() {
		GroupProperties properties = bind("lanyard.provisioning.groups", GroupProperties.class,
				Map.of("lanyard.provisioning.groups.match-by", "unique-id"));
		assertThat(properties.matchBy()).isEqualTo(GroupMatching.UNIQUE_ID);
	}

	@Test
	void groupsWhenAutoWithUniqueIdThenStartUpFailsNamingBothKeys() {
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind("lanyard.provisioning.groups", GroupProperties.class,
					Map.of("lanyard.provisioning.groups.provisioning", "auto", "lanyard.provisioning.groups.match-by",
							"unique-id")))
			.havingRootCause()
			.withMessageContaining("lanyard.provisioning.groups.provisioning=auto")
			.withMessageContaining("lanyard.provisioning.groups.match-by=unique-id");
	}

	@Test
	void usersWhenNothingSetThenViewerAndRegisterOnFirstLogin() {
		UserProperties properties = bind("lanyard.provisioning", UserProperties.class, Map.of());
		assertThat(properties.defaultRole()).isEqualTo(Role.VIEWER);
		assertThat(properties.registerOnFirstLogin()).isTrue();
	}

	@Test
	void usersWhenDefaultRoleAuditorThenNamesKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> new UserProperties(Role.AUDITOR, true))
			.withMessageStartingWith("lanyard.provisioning.default-role must be");
	}

	@Test
	void eventsWhenNothingSetThenFiveSeconds() {
		assertThat(bind("lanyard.provisioning.events", EventProperties.class, Map.of()).ackTimeout())
			.isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void eventsWhenAckTimeoutTooShortThenNamesKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> new EventProperties(Duration.ofMillis(10)))
			.withMessageStartingWith("lanyard.provisioning.events.ack-timeout must be");
	}

	@Test
	void adminApiWhenNothingSetThenLocalDefaults() {
		AdminApiProperties properties = bind("lanyard.provisioning", AdminApiProperties.class, Map.of());
		assertThat(properties.issuer()).hasToString("http://127.0.0.1:8080");
		assertThat(properties.jwkSetUri()).hasToString("http://127.0.0.1:8081/oauth2/jwks");
	}

	@Test
	void adminApiWhenIssuerRelativeThenNamesKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AdminApiProperties(java.net.URI.create("/gw"),
					java.net.URI.create("http://127.0.0.1:8081/oauth2/jwks")))
			.withMessageStartingWith("lanyard.provisioning.issuer must be");
	}

	private static <T> T bind(String prefix, Class<T> type, Map<String, String> values) {
		Binder binder = new Binder(new MapConfigurationPropertySource(new HashMap<>(values)));
		return binder.bindOrCreate(prefix, type);
	}

}
