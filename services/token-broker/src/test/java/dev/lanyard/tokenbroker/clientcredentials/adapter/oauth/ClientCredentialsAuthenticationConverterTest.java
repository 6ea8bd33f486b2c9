package dev.lanyard.tokenbroker.clientcredentials.adapter.oauth;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ClientCredentialsAuthenticationConverterTest {

	private final ClientCredentialsAuthenticationConverter converter = new ClientCredentialsAuthenticationConverter();

	@AfterEach
	void tearDown() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void convertWhenClientCredentialsThenScopesAndCorrelationId() {
		MockHttpServletRequest request = tokenRequest("client_credentials");
		request.setParameter("scope", "read write");
		request.addHeader("X-Correlation-Id", "req-7");
		SecurityContextHolder.getContext()
			.setAuthentication(TestTokens.principal(TestTokens.client("c-42", "content", "read", "write")));

		ClientCredentialsGrantAuthenticationToken token = (ClientCredentialsGrantAuthenticationToken) this.converter
			.convert(request);

		assertThat(token.getScopes()).containsExactlyInAnyOrder("read", "write");
		assertThat(token.getCorrelationId()).isEqualTo("req-7");
		assertThat(token.getPrincipal()).isSameAs(SecurityContextHolder.getContext().getAuthentication());
	}

	@Test
	void convertWhenCorrelationHeaderMalformedThenGeneratesOne() {
		MockHttpServletRequest request = tokenRequest("client_credentials");
		request.addHeader("X-Correlation-Id", "bad value with spaces");
		SecurityContextHolder.getContext()
			.setAuthentication(TestTokens.principal(TestTokens.client("c-42", "content")));
		ClientCredentialsGrantAuthenticationToken token = (ClientCredentialsGrantAuthenticationToken) this.converter
			.convert(request);
		assertThat(token.getCorrelationId()).isNotEqualTo("bad value with spaces").hasSize(36);
	}

	@Test
	void convertWhenOtherGrantThenNull() {
		assertThat(this.converter.convert(tokenRequest("authorization_code"))).isNull();
	}

	@Test
	void convertWhenScopeGivenTwiceThenInvalidRequest() {
		MockHttpServletRequest request = tokenRequest("client_credentials");
		request.addParameter("scope", "read");
		request.addParameter("scope", "write");
		assertThatExceptionOfType(OAuth2AuthenticationException.class).isThrownBy(() -> this.converter.convert(request))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_request"));
	}

	private static MockHttpServletRequest tokenRequest(String grantType) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/oauth2/token");
		request.setParameter("grant_type", grantType);
		return request;
	}

}
