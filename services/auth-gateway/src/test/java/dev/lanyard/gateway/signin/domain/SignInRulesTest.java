package dev.lanyard.gateway.signin.domain;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignInRulesTest {

	@Test
	void allowsWhenNeitherDomainsNorEmailsSetThenEveryoneEvenWithoutEmail() {
		assertThat(SignInRules.DEFAULTS.allows(null, true)).isTrue();
		assertThat(SignInRules.DEFAULTS.allows("eve@anywhere.net", true)).isTrue();
	}

	@Test
	void allowsWhenDomainListedThenAddressesInItAllowedIgnoringCase() {
		var rules = new SignInRules(false, List.of("@Example.com"), List.of(), "", true, false);

		assertThat(rules.allows("Ada@EXAMPLE.com", true)).isTrue();
		assertThat(rules.allows("eve@example.com.evil.org", true)).isFalse();
		assertThat(rules.allows("eve@sub.example.com", true)).isFalse();
	}

	@Test
	void allowsWhenEmailListedThenAllowedInAdditionToDomains() {
		var rules = new SignInRules(false, List.of("example.com"), List.of("guest@partner.org"), "", true, false);

		assertThat(rules.allows("guest@partner.org", true)).isTrue();
		assertThat(rules.allows("other@partner.org", true)).isFalse();
		assertThat(rules.allows("ada@example.com", true)).isTrue();
	}

	@Test
	void allowsWhenRestrictedAndNoEmailThenRefused() {
		var rules = new SignInRules(false, List.of(), List.of("guest@partner.org"), "", true, false);

		assertThat(rules.allows(null, true)).isFalse();
		assertThat(rules.allows(" ", true)).isFalse();
	}

	@Test
	void allowsWhenAllowedDomainButEmailUnverifiedThenOnlyWhenProviderTrusted() {
		var strict = new SignInRules(false, List.of("corp.com"), List.of(), "", true, false);
		var trusting = new SignInRules(false, List.of("corp.com"), List.of(), "", true, true);
		assertThat(strict.allows("outsider@corp.com", false)).isFalse();
		assertThat(strict.allows("insider@corp.com", true)).isTrue();
		assertThat(trusting.allows("insider@corp.com", false)).isTrue();
		assertThat(SignInRules.DEFAULTS.allows("anyone@anywhere.net", false)).as("no list: everyone").isTrue();
	}

}
