package dev.lanyard.provisioning.directory.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class RoleMappingTest {

	private static final RoleMapping CLAIM = new RoleMapping(RoleMapping.Source.CLAIM,
			Map.of(Role.ADMINISTRATOR, Set.of("lanyard-admin"), Role.PUBLISHER, Set.of("author", "editor")), false,
			Role.VIEWER);

	private static final RoleMapping GROUPS = new RoleMapping(RoleMapping.Source.GROUPS,
			Map.of(Role.ADMINISTRATOR, Set.of("Admins"), Role.PUBLISHER, Set.of("Publishers")), false, Role.VIEWER);

	@Test
	void fromClaimWhenRoleNameThenThatRole() {
		assertThat(CLAIM.fromClaim(List.of("publisher"))).isEqualTo(Role.PUBLISHER);
	}

	@Test
	void fromClaimWhenCustomValueThenMappedRole() {
		assertThat(CLAIM.fromClaim(List.of("lanyard-admin"))).isEqualTo(Role.ADMINISTRATOR);
	}

	@Test
	void fromClaimWhenSeveralMatchThenMostPrivilegedWins() {
		assertThat(CLAIM.fromClaim(List.of("viewer", "author", "lanyard-admin"))).isEqualTo(Role.ADMINISTRATOR);
	}

	@Test
	void fromClaimWhenRestrictiveThenLeastPrivilegedWins() {
		RoleMapping restrictive = new RoleMapping(RoleMapping.Source.CLAIM, CLAIM.values(), true, Role.VIEWER);
		assertThat(restrictive.fromClaim(List.of("lanyard-admin", "author"))).isEqualTo(Role.PUBLISHER);
	}

	@Test
	void fromClaimWhenNothingMatchesThenDefaultRole() {
		RoleMapping mapping = new RoleMapping(RoleMapping.Source.CLAIM, Map.of(), false, Role.PUBLISHER);
		assertThat(mapping.fromClaim(List.of("owner"))).isEqualTo(Role.PUBLISHER);
	}

	@Test
	void fromClaimWhenClaimAbsentThenDefaultRole() {
		assertThat(CLAIM.fromClaim(null)).isEqualTo(Role.VIEWER);
	}

	@Test
	void fromClaimWhenAuditorNamedThenAuditor() {
		assertThat(CLAIM.fromClaim(List.of("auditor"))).isEqualTo(Role.AUDITOR);
	}

	@Test
	void fromGroupsWhenMemberOfMappedGroupsThenMostPrivilegedWins() {
		assertThat(GROUPS.fromGroups(List.of("Publishers", "Admins", "Other"))).isEqualTo(Role.ADMINISTRATOR);
	}

	@Test
	void fromGroupsWhenRestrictiveThenLeastPrivilegedWins() {
		RoleMapping restrictive = new RoleMapping(RoleMapping.Source.GROUPS, GROUPS.values(), true, Role.VIEWER);
		assertThat(restrictive.fromGroups(List.of("Publishers", "Admins"))).isEqualTo(Role.PUBLISHER);
	}

	@Test
	void fromGroupsWhenNameDiffersInCaseThenNoMatch() {
		assertThat(GROUPS.fromGroups(List.of("admins"))).isEqualTo(Role.VIEWER);
	}

	@Test
	void fromGroupsWhenNoGroupsThenDefaultRole() {
		assertThat(GROUPS.fromGroups(List.of())).isEqualTo(Role.VIEWER);
	}

	@Test
	void fromGroupsWhenSourceIsClaimThenRefused() {
		assertThatIllegalStateException().isThrownBy(() -> CLAIM.fromGroups(List.of("Admins")));
	}

	@Test
	void mappedWhenSourceNoneThenFalse() {
		assertThat(RoleMapping.none(Role.VIEWER).mapped()).isFalse();
		assertThat(CLAIM.mapped()).isTrue();
	}

	@Test
	void constructorWhenDefaultRoleAuditorThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> RoleMapping.none(Role.AUDITOR))
			.withMessageContaining("defaultRole");
	}

	@Test
	void fromGroupsWhenMemberOfTheAuditorsGroupThenAuditor() {
		RoleMapping auditors = new RoleMapping(RoleMapping.Source.GROUPS,
				Map.of(Role.AUDITOR, Set.of("Auditors"), Role.PUBLISHER, Set.of("Publishers")), false, Role.VIEWER);
		assertThat(auditors.fromGroups(List.of("Auditors", "Other"))).isEqualTo(Role.AUDITOR);
		assertThat(auditors.fromGroups(List.of("Other"))).isEqualTo(Role.VIEWER);
	}

	@Test
	void fromGroupsWhenAuditorAndAnotherRoleThenAuditorRanksLowest() {
		Map<Role, Set<String>> values = Map.of(Role.AUDITOR, Set.of("Auditors"), Role.PUBLISHER, Set.of("Publishers"));
		assertThat(new RoleMapping(RoleMapping.Source.GROUPS, values, false, Role.VIEWER)
			.fromGroups(List.of("Auditors", "Publishers"))).isEqualTo(Role.PUBLISHER);
		assertThat(new RoleMapping(RoleMapping.Source.GROUPS, values, true, Role.VIEWER)
			.fromGroups(List.of("Auditors", "Publishers"))).isEqualTo(Role.AUDITOR);
	}

	@Test
	void constructorWhenSourceNullThenNamesArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RoleMapping(null, Map.of(), false, Role.VIEWER))
			.withMessage("source cannot be null");
	}

}
