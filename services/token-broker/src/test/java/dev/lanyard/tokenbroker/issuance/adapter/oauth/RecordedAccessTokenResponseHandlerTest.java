package dev.lanyard.tokenbroker.issuance.adapter.oauth;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.lanyard.tokenbroker.clientcredentials.adapter.oauth.TestTokens;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RecordedAccessTokenResponseHandlerTest {

	private final RecordedAccessTokenResponseHandler handler = new RecordedAccessTokenResponseHandler();

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	@Test
	void onAuthenticationSuccessWhenRecordedThenTokenResponseWithCorrelationId() throws Exception {
		RegisteredClient client = TestTokens.client("c-42", "content", "read");
		Instant now = Instant.now();
		OAuth2AccessToken token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "token-value", now,
				now.plusSeconds(900), Set.of("read"));

		this.handler.onAuthenticationSuccess(tokenRequest(), this.response, new RecordedAccessTokenAuthenticationToken(
				client, TestTokens.principal(client), token, Map.of(), "req-7"));

		assertThat(this.response.getStatus()).isEqualTo(200);
		assertThat(this.response.getContentAsString()).contains("\"access_token\":\"token-value\"");
		assertThat(this.response.getHeader("X-Correlation-Id")).isEqualTo("req-7");
	}

	@Test
	void onAuthenticationSuccessWhenNotRecordedThenServerErrorAndNoToken() {
		OAuth2AccessTokenAuthenticationToken unrecorded = TestTokens
			.authentication(TestTokens.client("c-42", "content"), Set.of());
		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> this.handler.onAuthenticationSuccess(tokenRequest(), this.response, unrecorded))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("server_error"));
		assertThat(this.response.isCommitted()).isFalse();
		assertThat(this.response.getContentLength()).isZero();
	}

	@Test
	void onAuthenticationSuccessWhenNotAccessTokenAuthenticationThenServerError() {
		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> this.handler.onAuthenticationSuccess(tokenRequest(), this.response,
					new TestingAuthenticationToken("x", "y")))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("server_error"));
	}

	@Test
	void constructorWhenDelegateNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RecordedAccessTokenResponseHandler(null))
			.withMessage("delegate cannot be null");
	}

	private static MockHttpServletRequest tokenRequest() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/oauth2/token");
		request.setParameter("grant_type", "client_credentials");
		return request;
	}

}
