package dev.lanyard.tokenbroker.exchange.adapter.oauth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TokenExchangeAuthenticationConverterTest {

	private final TokenExchangeAuthenticationConverter converter = new TokenExchangeAuthenticationConverter();

	@Test
	void convertWhenOtherGrantThenNull() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/oauth2/token");
		request.addParameter("grant_type", "client_credentials");
		assertThat(this.converter.convert(request)).isNull();
	}

	@Test
	void convertWhenCompleteThenToken() {
		TokenExchangeAuthenticationToken token = (TokenExchangeAuthenticationToken) this.converter
			.convert(request("read  write"));
		assertThat(token.getAudience()).isEqualTo("i-1");
		assertThat(token.getScopes()).containsExactlyInAnyOrder("read", "write");
		assertThat(token.toString()).doesNotContain("the-subject-token");
	}

	@Test
	void convertWhenRequestedTokenTypeOtherThenInvalidRequest() {
		MockHttpServletRequest request = request(null);
		request.addParameter("requested_token_type", "urn:ietf:params:oauth:token-type:id_token");
		assertThatExceptionOfType(OAuth2AuthenticationException.class).isThrownBy(() -> this.converter.convert(request))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_request"));
	}

	@Test
	void convertWhenAudienceMissingThenInvalidRequest() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/oauth2/token");
		request.addParameter("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange");
		request.addParameter("subject_token", "t");
		request.addParameter("subject_token_type", "x");
		assertThatExceptionOfType(OAuth2AuthenticationException.class).isThrownBy(() -> this.converter.convert(request))
			.satisfies((ex) -> assertThat(ex.getError().getDescription()).contains("audience"));
	}

	@Test
	void convertWhenAudienceTwiceThenInvalidRequest() {
		MockHttpServletRequest request = request(null);
		request.addParameter("audience", "i-2");
		assertThatExceptionOfType(OAuth2AuthenticationException.class).isThrownBy(() -> this.converter.convert(request))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_request"));
	}

	@Test
	void convertWhenActorTokenWithTypeThenDelegation() {
		MockHttpServletRequest request = request(null);
		request.addParameter("actor_token", "the-actor-token");
		request.addParameter("actor_token_type", "urn:lanyard:params:oauth:token-type:content-session");
		TokenExchangeAuthenticationToken token = (TokenExchangeAuthenticationToken) this.converter.convert(request);
		assertThat(token.getActorToken()).isEqualTo("the-actor-token");
		assertThat(token.getActorTokenType()).isEqualTo("urn:lanyard:params:oauth:token-type:content-session");
		assertThat(token.toString()).doesNotContain("the-actor-token");
	}

	@Test
	void convertWhenActorTokenWithoutTypeThenInvalidRequest() {
		MockHttpServletRequest request = request(null);
		request.addParameter("actor_token", "the-actor-token");
		assertThatExceptionOfType(OAuth2AuthenticationException.class).isThrownBy(() -> this.converter.convert(request))
			.satisfies((ex) -> assertThat(ex.getError().getDescription()).contains("actor_token_type"));
	}

	@Test
	void convertWhenActorTokenTypeWithoutTokenThenInvalidRequest() {
		MockHttpServletRequest request = request(null);
		request.addParameter("actor_token_type", "urn:lanyard:params:oauth:token-type:content-session");
		assertThatExceptionOfType(OAuth2AuthenticationException.class).isThrownBy(() -> this.converter.convert(request))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_request"));
	}

	@Test
	void convertWhenActorTokenTwiceThenInvalidRequest() {
		MockHttpServletRequest request = request(null);
		request.addParameter("actor_token", "a", "b");
		request.addParameter("actor_token_type", "urn:lanyard:params:oauth:token-type:content-session");
		assertThatExceptionOfType(OAuth2AuthenticationException.class).isThrownBy(() -> this.converter.convert(request))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_request"));
	}

	@Test
	void convertWhenNoActorTokenThenPlainExchange() {
		TokenExchangeAuthenticationToken token = (TokenExchangeAuthenticationToken) this.converter
			.convert(request(null));
		assertThat(token.getActorToken()).isNull();
		assertThat(token.getActorTokenType()).isNull();
	}

	/**
	 * audience and scope end up in the denial record and the log line of a refused
	 * exchange: a line break would forge log lines, a megabyte-long value a record no
	 * audit consumer wants.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "i-1\n2026-12-05T10:00:00Z INFO forged line", "i-1\u0000", "i-1 i-2" })
	void convertWhenAudienceNotAnIdentifierThenInvalidRequest(String audience) {
		MockHttpServletRequest request = request(null);
		request.setParameter("audience", audience);
		assertThatExceptionOfType(OAuth2AuthenticationException.class).isThrownBy(() -> this.converter.convert(request))
			.satisfies((ex) -> {
				assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_request");
				assertThat(ex.getError().getDescription()).doesNotContain(audience);
			});
	}

	@Test
	void convertWhenAudienceOversizedThenInvalidRequest() {
		MockHttpServletRequest request = request(null);
		request.setParameter("audience", "i".repeat(257));
		assertThatExceptionOfType(OAuth2AuthenticationException.class).isThrownBy(() -> this.converter.convert(request))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_request"));
	}

	/** RFC 6749 §3.3: a scope token is printable ASCII without quote or backslash. */
	@ParameterizedTest
	@ValueSource(strings = { "read\nINFO forged", "read\twrite", "r\u00e9ad", "a\"b" })
	void convertWhenScopeNotRfc6749SyntaxThenInvalidRequest(String scope) {
		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> this.converter.convert(request(scope)))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_request"));
	}

	private static MockHttpServletRequest request(String scope) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/oauth2/token");
		request.addParameter("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange");
		request.addParameter("subject_token", "the-subject-token");
		request.addParameter("subject_token_type", "urn:lanyard:params:oauth:token-type:content-session");
		request.addParameter("audience", "i-1");
		if (scope != null) {
			request.addParameter("scope", scope);
		}
		return request;
	}

}
