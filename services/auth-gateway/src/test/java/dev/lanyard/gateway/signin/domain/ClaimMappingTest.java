package dev.lanyard.gateway.signin.domain;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClaimMappingTest {

	private static final String ISSUER = "https://idp.example.com";

	private final ClaimMapping defaults = new ClaimMapping("corp", ClaimNames.DEFAULTS, SignInRules.DEFAULTS);

	@Test
	void mapWhenStandardClaimsThenEveryFieldMappedAndAllFieldsClaimed() {
		var result = this.defaults.map(ISSUER, Map.of("sub", "u-1", "preferred_username", "ada", "email",
				"ada@example.com", "given_name", "Ada", "family_name", "Lovelace", "groups", List.of("eng", "ops")));

		UpstreamIdentity identity = ((ClaimMapping.Mapped) result).identity();
		assertThat(identity.uniqueId()).isEqualTo("u-1");
		assertThat(identity.username()).isEqualTo("ada");
		assertThat(identity.email()).isEqualTo("ada@example.com");
		assertThat(identity.firstName()).isEqualTo("Ada");
		assertThat(identity.lastName()).isEqualTo("Lovelace");
		assertThat(identity.groups()).containsExactly("eng", "ops");
		assertThat(identity.roleClaim()).isNull();
		assertThat(identity.claimedFields()).containsExactly("username", "email", "firstName", "lastName");
	}

	@Test
	void mapWhenGroupsClaimAbsentThenGroupsNullSoMembershipsStayUntouched() {
		var result = this.defaults.map(ISSUER, Map.of("sub", "u-1"));

		assertThat(((ClaimMapping.Mapped) result).identity().groups()).isNull();
	}

	@Test
	void mapWhenGroupsClaimEmptyListThenEmptyGroupsSoMembershipsAreCleared() {
		var result = this.defaults.map(ISSUER, Map.of("sub", "u-1", "groups", List.of()));

		assertThat(((ClaimMapping.Mapped) result).identity().groups()).isEmpty();
	}

	@Test
	void mapWhenGroupsSentAsDelimitedStringAndSeparatorSetThenSplitAndTrimmed() {
		var mapping = new ClaimMapping("corp", ClaimNames.DEFAULTS,
				new SignInRules(false, null, null, ";", true, false));

		var result = mapping.map(ISSUER, Map.of("sub", "u-1", "groups", "eng; ops ;;eng"));

		assertThat(((ClaimMapping.Mapped) result).identity().groups()).containsExactly("eng", "ops");
	}

	@Test
	void mapWhenGroupsSentAsStringWithoutSeparatorThenOneGroup() {
		var result = this.defaults.map(ISSUER, Map.of("sub", "u-1", "groups", "eng;ops"));

		assertThat(((ClaimMapping.Mapped) result).identity().groups()).containsExactly("eng;ops");
	}

	@Test
	void mapWhenRoleClaimConfiguredThenRoleValuesMapped() {
		var names = new ClaimNames("sub", "preferred_username", "email", "given_name", "family_name", "groups",
				"lanyard_role");

		var result = new ClaimMapping("corp", names, SignInRules.DEFAULTS).map(ISSUER,
				Map.of("sub", "u-1", "lanyard_role", "publisher"));

		assertThat(((ClaimMapping.Mapped) result).identity().roleClaim()).containsExactly("publisher");
	}

	@Test
	void mapWhenUniqueIdMissingThenRefused() {
		var result = this.defaults.map(ISSUER, Map.of("email", "ada@example.com"));

		assertThat(result).isInstanceOf(ClaimMapping.Refused.class);
		assertThat(((ClaimMapping.Refused) result).message()).contains("'sub'");
	}

	@Test
	void mapWhenUsernameRequiredAndAbsentThenRefusedNamingTheClaim() {
		var mapping = new ClaimMapping("corp", ClaimNames.DEFAULTS, new SignInRules(true, null, null, "", true, false));

		var result = mapping.map(ISSUER, Map.of("sub", "u-1", "email", "ada@example.com"));

		assertThat(result).isEqualTo(new ClaimMapping.Refused("username-missing",
				"The identity provider did not send the 'preferred_username' claim, and a username is required to sign in."));
	}

	@Test
	void mapWhenUsernameNotRequiredAndAbsentThenMappedWithoutUsername() {
		var result = this.defaults.map(ISSUER, Map.of("sub", "u-1", "email", "ada@example.com"));

		assertThat(((ClaimMapping.Mapped) result).identity().username()).isNull();
	}

	@Test
	void mapWhenEmailOutsideAllowedDomainsThenRefused() {
		var mapping = new ClaimMapping("corp", ClaimNames.DEFAULTS,
				new SignInRules(false, List.of("example.com"), List.of(), "", true, false));

		var result = mapping.map(ISSUER, Map.of("sub", "u-1", "email", "eve@other.org", "email_verified", true));

		assertThat(((ClaimMapping.Refused) result).reason()).isEqualTo("not-allowed");
	}

	@Test
	void mapWhenAllowedDomainButEmailUnverifiedThenRefused() {
		var mapping = new ClaimMapping("corp", ClaimNames.DEFAULTS,
				new SignInRules(false, List.of("example.com"), List.of(), "", true, false));

		assertThat(mapping.map(ISSUER, Map.of("sub", "u-1", "email", "eve@example.com"))).isInstanceOfSatisfying(
				ClaimMapping.Refused.class, (refused) -> assertThat(refused.reason()).isEqualTo("email-unverified"));
		assertThat(mapping.map(ISSUER, Map.of("sub", "u-1", "email", "eve@example.com", "email_verified", false)))
			.isInstanceOf(ClaimMapping.Refused.class);
		assertThat(mapping.map(ISSUER, Map.of("sub", "u-1", "email", "ada@example.com", "email_verified", "true")))
			.isInstanceOf(ClaimMapping.Mapped.class);
	}

	@Test
	void mapWhenProviderTrustedWithUnverifiedEmailsThenAllowedDomainSuffices() {
		var mapping = new ClaimMapping("entra", ClaimNames.DEFAULTS,
				new SignInRules(false, List.of("example.com"), List.of(), "", true, true));

		assertThat(mapping.map(ISSUER, Map.of("sub", "u-1", "email", "ada@example.com")))
			.isInstanceOf(ClaimMapping.Mapped.class);
	}

	@Test
	void mapWhenFieldClaimConfiguredBlankThenFieldNotClaimedAndNotRead() {
		var names = new ClaimNames("sub", "preferred_username", "email", "", " ", "groups", "");

		var result = new ClaimMapping("corp", names, SignInRules.DEFAULTS).map(ISSUER,
				Map.of("sub", "u-1", "given_name", "Ada"));

		UpstreamIdentity identity = ((ClaimMapping.Mapped) result).identity();
		assertThat(identity.firstName()).isNull();
		assertThat(identity.claimedFields()).containsExactly("username", "email");
	}

	@Test
	void constructorWhenProviderBlankThenRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ClaimMapping(" ", ClaimNames.DEFAULTS, SignInRules.DEFAULTS))
			.withMessage("provider cannot be blank");
	}

	@Test
	void constructorWhenNamesNullThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ClaimMapping("corp", null, SignInRules.DEFAULTS))
			.withMessage("names cannot be null");
	}

	@Test
	void constructorWhenRulesNullThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ClaimMapping("corp", ClaimNames.DEFAULTS, null))
			.withMessage("rules cannot be null");
	}

	@Test
	void mapWhenClaimsNullThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.defaults.map(ISSUER, null))
			.withMessage("claims cannot be null");
	}

}
