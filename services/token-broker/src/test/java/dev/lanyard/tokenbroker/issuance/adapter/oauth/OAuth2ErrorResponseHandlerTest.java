package dev.lanyard.tokenbroker.issuance.adapter.oauth;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

import static org.assertj.core.api.Assertions.assertThat;

class OAuth2ErrorResponseHandlerTest {

	private final OAuth2ErrorResponseHandler handler = new OAuth2ErrorResponseHandler();

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	@Test
	void onAuthenticationFailureWhenTemporarilyUnavailableThen503OAuthJson() throws Exception {
		fail("temporarily_unavailable", "The audit trail is unavailable, so no token was issued; retry later");
		assertThat(this.response.getStatus()).isEqualTo(503);
		assertThat(this.response.getContentType()).startsWith("application/json");
		assertThat(this.response.getHeader("Cache-Control")).isEqualTo("no-store");
		assertThat(this.response.getContentAsString()).contains("\"error\":\"temporarily_unavailable\"")
			.contains("\"error_description\":\"The audit trail is unavailable")
			.doesNotContain("access_token");
	}

	@Test
	void onAuthenticationFailureWhenInvalidClientThen401() throws Exception {
		fail("invalid_client", null);
		assertThat(this.response.getStatus()).isEqualTo(401);
	}

	@Test
	void onAuthenticationFailureWhenUnsupportedGrantTypeThen400() throws Exception {
		fail("unsupported_grant_type", null);
		assertThat(this.response.getStatus()).isEqualTo(400);
		assertThat(this.response.getContentAsString()).contains("\"error\":\"unsupported_grant_type\"");
	}

	@Test
	void onAuthenticationFailureWhenServerErrorThen500() throws Exception {
		fail("server_error", null);
		assertThat(this.response.getStatus()).isEqualTo(500);
	}

	@Test
	void onAuthenticationFailureWhenNotOAuth2ExceptionThen500ServerError() throws Exception {
		this.handler.onAuthenticationFailure(new MockHttpServletRequest(), this.response,
				new BadCredentialsException("x"));
		assertThat(this.response.getStatus()).isEqualTo(500);
		assertThat(this.response.getContentAsString()).contains("\"error\":\"server_error\"");
	}

	private void fail(String code, String description) throws Exception {
		this.handler.onAuthenticationFailure(new MockHttpServletRequest(), this.response,
				new OAuth2AuthenticationException(new OAuth2Error(code, description, null)));
	}

}
