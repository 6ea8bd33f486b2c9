package dev.lanyard.integrations.templates.domain;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EndpointPatternTest {

	private final EndpointPattern entra = new EndpointPattern(
			"https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token");

	@Test
	void constructorWhenBlankThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new EndpointPattern(" "))
			.withMessage("value cannot be blank");
	}

	@Test
	void placeholdersWhenPatternHasThemThenListedOnce() {
		assertThat(new EndpointPattern("https://{account}.example.com/{account}/{region}").placeholders())
			.containsExactly("account", "region");
	}

	@Test
	void matchesWhenPlaceholderFilledWithHostNameThenTrue() {
		assertThat(this.entra.matches("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token"))
			.isTrue();
	}

	@Test
	void matchesWhenOtherHostOrPathThenFalse() {
		assertThat(this.entra.matches("https://evil.example/contoso/oauth2/v2.0/token")).isFalse();
		assertThat(this.entra.matches("https://login.microsoftonline.com/a/b/oauth2/v2.0/token")).isFalse();
		assertThat(this.entra.matches(null)).isFalse();
	}

	@Test
	void matchesWhenPlaceholderHoldsSlashOrQueryThenFalse() {
		EndpointPattern snowflake = new EndpointPattern("https://{account}.snowflakecomputing.com/oauth/token-request");
		assertThat(snowflake.matches("https://evil.com/x?.snowflakecomputing.com/oauth/token-request")).isFalse();
		assertThat(snowflake.matches("https://myorg-acct.snowflakecomputing.com/oauth/token-request")).isTrue();
	}

	@Test
	void expandWhenParametersGivenThenUrl() {
		assertThat(this.entra.expand(Map.of("tenant", "contoso")))
			.hasValue("https://login.microsoftonline.com/contoso/oauth2/v2.0/token");
	}

	@Test
	void expandWhenParameterMissingOrNotAPlainNameThenEmpty() {
		assertThat(this.entra.expand(Map.of())).isEmpty();
		assertThat(this.entra.expand(Map.of("tenant", "a/../b"))).isEmpty();
		assertThat(this.entra.expand(Map.of("tenant", "evil.com#"))).isEmpty();
	}

	@Test
	void isFreeFormWhenSinglePlaceholderThenTrueAndMatchesAnything() {
		EndpointPattern free = new EndpointPattern("{tokenEndpoint}");
		assertThat(free.isFreeForm()).isTrue();
		assertThat(free.placeholders()).isEmpty();
		assertThat(free.matches("https://idp.example/any/path")).isTrue();
		assertThat(free.expand(Map.of("tokenEndpoint", "x"))).isEmpty();
	}

}
