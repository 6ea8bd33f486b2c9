package dev.lanyard.tokenbroker.sessions.adapter.oauth;

import org.junit.jupiter.api.Test;

import dev.lanyard.tokenbroker.sessions.application.UserTokenKind;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class UserSessionGrantAuthenticationConverterTest {

	private final UserSessionGrantAuthenticationConverter converter = new UserSessionGrantAuthenticationConverter();

	@Test
	void convertWhenOtherGrantThenNull() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/oauth2/token");
		request.addParameter("grant_type", "client_credentials");
		assertThat(this.converter.convert(request)).isNull();
	}

	@Test
	void convertWhenUserAndVersionThenToken() {
		MockHttpServletRequest request = request("u-1");
		request.addParameter("user_version", "7");
		request.addParameter("content_id", "c-42");
		request.addHeader("X-Correlation-Id", "corr-1");
		UserSessionGrantAuthenticationToken token = (UserSessionGrantAuthenticationToken) this.converter
			.convert(request);
		assertThat(token.getUserId()).isEqualTo("u-1");
		assertThat(token.getUserVersion()).isEqualTo(7L);
		assertThat(token.getContentId()).isEqualTo("c-42");
		assertThat(token.getKind()).isEqualTo(UserTokenKind.CONTENT);
		assertThat(token.getCorrelationId()).isEqualTo("corr-1");
	}

	@Test
	void convertWhenNoSessionThenInvalidRequest() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/oauth2/token");
		request.addParameter("grant_type", "urn:lanyard:params:oauth:grant-type:user-session");
		request.addParameter("user_id", "u-1");
		request.addParameter("content_id", "c-42");
		assertThatExceptionOfType(OAuth2AuthenticationException.class).isThrownBy(() -> this.converter.convert(request))
			.satisfies((ex) -> assertThat(ex.getError().getDescription()).contains("session_id"));
	}

	@Test
	void convertWhenNoContentThenInvalidRequest() {
		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> this.converter.convert(request("u-1")))
			.satisfies((ex) -> assertThat(ex.getError().getDescription()).contains("content_id"));
	}

	@Test
	void convertWhenConnectionsTokenThenNoContent() {
		MockHttpServletRequest request = request("u-1");
		request.addParameter("requested_token_type", "urn:lanyard:params:oauth:token-type:user-connections");
		UserSessionGrantAuthenticationToken token = (UserSessionGrantAuthenticationToken) this.converter
			.convert(request);
		assertThat(token.getContentId()).isNull();
		assertThat(token.getKind()).isEqualTo(UserTokenKind.CONNECTIONS);
	}

	@Test
	void convertWhenAuditTokenThenAuditKindAndNoContent() {
		MockHttpServletRequest request = request("u-1");
		request.addParameter("requested_token_type", "urn:lanyard:params:oauth:token-type:user-audit");
		UserSessionGrantAuthenticationToken token = (UserSessionGrantAuthenticationToken) this.converter
			.convert(request);
		assertThat(token.getKind()).isEqualTo(UserTokenKind.AUDIT);
		assertThat(token.getContentId()).isNull();
	}

	@Test
	void convertWhenAuditTokenWithContentThenInvalidRequest() {
		MockHttpServletRequest request = request("u-1");
		request.addParameter("requested_token_type", "urn:lanyard:params:oauth:token-type:user-audit");
		request.addParameter("content_id", "c-42");
		assertThatExceptionOfType(OAuth2AuthenticationException.class).isThrownBy(() -> this.converter.convert(request))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_request"));
	}

	@Test
	void convertWhenConnectionsTokenWithContentThenInvalidRequest() {
		MockHttpServletRequest request = request("u-1");
		request.addParameter("requested_token_type", "urn:lanyard:params:oauth:token-type:user-connections");
		request.addParameter("content_id", "c-42");
		assertThatExceptionOfType(OAuth2AuthenticationException.class).isThrownBy(() -> this.converter.convert(request))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_request"));
	}

	@Test
	void convertWhenOtherRequestedTypeThenInvalidRequest() {
		MockHttpServletRequest request = request("u-1");
		request.addParameter("requested_token_type", "urn:ietf:params:oauth:token-type:access_token");
		request.addParameter("content_id", "c-42");
		assertThatExceptionOfType(OAuth2AuthenticationException.class).isThrownBy(() -> this.converter.convert(request))
			.satisfies((ex) -> assertThat(ex.getError().getDescription()).contains("requested_token_type"));
	}

	@Test
	void convertWhenUserMissingThenInvalidRequest() {
		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> this.converter.convert(request(null)))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_request"));
	}

	@Test
	void convertWhenVersionNegativeThenInvalidRequest() {
		MockHttpServletRequest request = request("u-1");
		request.addParameter("user_version", "-3");
		assertThatExceptionOfType(OAuth2AuthenticationException.class).isThrownBy(() -> this.converter.convert(request))
			.satisfies((ex) -> assertThat(ex.getError().getDescription()).contains("user_version"));
	}

	@Test
	void convertWhenLoginEventIdNotAUuidThenInvalidRequest() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/oauth2/token");
		request.addParameter("grant_type", "urn:lanyard:params:oauth:grant-type:user-session");
		request.addParameter("user_id", "u-1");
		request.addParameter("session_id", "s-1");
		request.addParameter("login_event_id", "whatever");
		request.addParameter("content_id", "c-42");
		assertThatExceptionOfType(OAuth2AuthenticationException.class).isThrownBy(() -> this.converter.convert(request))
			.satisfies((ex) -> assertThat(ex.getError().getDescription()).contains("login_event_id"));
	}

	private static MockHttpServletRequest request(String userId) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/oauth2/token");
		request.addParameter("grant_type", "urn:lanyard:params:oauth:grant-type:user-session");
		if (userId != null) {
			request.addParameter("user_id", userId);
		}
		request.addParameter("session_id", "s-1");
		request.addParameter("login_event_id", "3f2c0a52-6f0e-4c8e-9d7e-6a0f3f1b2c3d");
		return request;
	}

}
