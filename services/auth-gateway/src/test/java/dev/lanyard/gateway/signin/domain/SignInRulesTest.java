package dev.lanyard.gateway.signin.domain;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignInRulesTest {

	@Test
	void allowsWhenNeitherDomainsNorEmailsSetThenEveryoneEvenWithoutEmail() {
		assertThat(SignInRules.DEFAULTS.allows(null)).isTrue();
		assertThat(SignInRules.DEFAULTS.allows("eve@anywhere.net")).isTrue();
	}

	@Test
	void allowsWhenDomainListedThenAddressesInItAllowedIgnoringCase() {
		var rules = new SignInRules(false, List.of("@Example.com"), List.of(), "", true);

		assertThat(rules.allows("Ada@EXAMPLE.com")).isTrue();
		assertThat(rules.allows("eve@example.com.evil.org")).isFalse();
		assertThat(rules.allows("eve@sub.example.com")).isFalse();
	}

	@Test
	void allowsWhenEmailListedThenAllowedInAdditionToDomains() {
		var rules = new SignInRules(false, List.of("example.com"), List.of("guest@partner.org"), "", true);

		assertThat(rules.allows("guest@partner.org")).isTrue();
		assertThat(rules.allows("other@partner.org")).isFalse();
		assertThat(rules.allows("ada@example.com")).isTrue();
	}

	@Test
	void allowsWhenRestrictedAndNoEmailThenRefused() {
		var rules = new SignInRules(false, List.of(), List.of("guest@partner.org"), "", true);

		assertThat(rules.allows(null)).isFalse();
		assertThat(rules.allows(" ")).isFalse();
	}

}
