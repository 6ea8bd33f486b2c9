package dev.lanyard.tokenbroker.exchange.application;

import org.junit.jupiter.api.Test;

import dev.lanyard.tokenbroker.exchange.application.CredentialExchange.Denial;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialExchangeTest {

	@Test
	void denialWhenAnyThenKebabCaseCodeAndOAuthError() {
		assertThat(Denial.values()).allSatisfy((denial) -> {
			assertThat(denial.code()).matches("[a-z]+(-[a-z]+)*");
			assertThat(denial.error()).isIn("invalid_target", "unauthorized_client", "invalid_scope", "access_denied",
					"invalid_grant");
		});
	}

	@Test
	void denialWhenAuthorizationRulesThenErrorsOfTheIssue() {
		assertThat(Denial.NOT_ASSOCIATED.error()).isEqualTo("unauthorized_client");
		assertThat(Denial.UNKNOWN_INTEGRATION.error()).isEqualTo("invalid_target");
		assertThat(Denial.WRONG_KIND.error()).isEqualTo("invalid_target");
		assertThat(Denial.GROUP_NOT_ALLOWED.error()).isEqualTo("access_denied");
		assertThat(Denial.USER_LOCKED.error()).isEqualTo("access_denied");
		assertThat(Denial.SCOPE_TOO_WIDE.code()).isEqualTo("scope-not-allowed");
		assertThat(Denial.GROUP_NOT_ALLOWED.code()).isEqualTo("not-in-allowed-group");
	}

}
