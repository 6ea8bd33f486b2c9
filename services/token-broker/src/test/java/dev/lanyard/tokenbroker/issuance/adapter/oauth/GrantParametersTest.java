package dev.lanyard.tokenbroker.issuance.adapter.oauth;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class GrantParametersTest {

	@Test
	void optionalSingleWhenInTheBodyThenValue() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/oauth2/token");
		request.addParameter("assertion", "a.b.c");
		assertThat(GrantParameters.optionalSingle(request, "assertion")).isEqualTo("a.b.c");
	}

	/**
	 * A parameter in the URL is logged by every proxy on the way, and never read here.
	 */
	@Test
	void optionalSingleWhenInTheQueryStringThenInvalidRequestNotEchoingIt() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/oauth2/token");
		request.setQueryString("x=1&assertion=secret.jwt.value");
		request.addParameter("assertion", "secret.jwt.value");
		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> GrantParameters.optionalSingle(request, "assertion"))
			.satisfies((ex) -> {
				assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_request");
				assertThat(ex.getError().getDescription()).doesNotContain("secret.jwt.value");
			});
		assertThat(GrantParameters.optionalSingle(request, "scope")).isNull();
	}

	@Test
	void requireIdentifierWhenControlCharacterThenInvalidRequest() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/oauth2/token");
		request.addParameter("audience", "i-1\r\nforged");
		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> GrantParameters.requireIdentifier(request, "audience"))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_request"));
	}

	@Test
	void scopesWhenTooLongThenInvalidRequest() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/oauth2/token");
		request.addParameter("scope", "s ".repeat(GrantParameters.MAX_SCOPE_LENGTH));
		assertThatExceptionOfType(OAuth2AuthenticationException.class).isThrownBy(() -> GrantParameters.scopes(request))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_request"));
	}

}
