package dev.lanyard.tokenbroker.issuance.adapter.oauth;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.lanyard.tokenbroker.issuance.application.AuditTrailUnavailableException;
import dev.lanyard.tokenbroker.issuance.application.IssuanceAuditTrail;
import dev.lanyard.tokenbroker.issuance.domain.TokenDigest;
import dev.lanyard.tokenbroker.issuance.domain.TokenIssuance;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AuditedAccessTokenResponseHandlerTest {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

	private final List<TokenIssuance> recorded = new ArrayList<>();

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	@Test
	void onAuthenticationSuccessWhenAcknowledgedThenEventThenTokenResponse() throws Exception {
		OAuth2AccessTokenAuthenticationToken authentication = TestTokens
			.authentication(TestTokens.client("c-42", "content", "read"), Set.of("read"));
		String token = authentication.getAccessToken().getTokenValue();
		MockHttpServletRequest request = tokenRequest();
		request.addHeader("X-Correlation-Id", "req-7");

		handler(this.recorded::add).onAuthenticationSuccess(request, this.response, authentication);

		assertThat(this.recorded).singleElement().satisfies((issuance) -> {
			assertThat(issuance.tokenSha256()).isEqualTo(TokenDigest.sha256Hex(token));
			assertThat(issuance.tokenId()).isNotBlank();
			assertThat(issuance.correlationId()).isEqualTo("req-7");
			assertThat(issuance.tokenType()).isEqualTo("content-session");
			assertThat(issuance.subjectId()).isEqualTo("c-42");
			assertThat(issuance.subjectType()).isEqualTo("content");
			assertThat(issuance.contentId()).isEqualTo("c-42");
			assertThat(issuance.scopes()).containsExactly("read");
			assertThat(issuance.audience()).containsExactly("token-broker", "integration-registry");
			assertThat(issuance.grantType()).isEqualTo("client_credentials");
			// as in the token: whole seconds
			assertThat(issuance.issuedAt())
				.isEqualTo(authentication.getAccessToken().getIssuedAt().truncatedTo(ChronoUnit.SECONDS));
			assertThat(issuance.expiresAt())
				.isEqualTo(authentication.getAccessToken().getExpiresAt().truncatedTo(ChronoUnit.SECONDS));
			assertThat(issuance.occurredAt()).isEqualTo(CLOCK.instant());
		});
		assertThat(this.response.getStatus()).isEqualTo(200);
		assertThat(this.response.getContentAsString()).contains("\"access_token\":\"" + token + "\"");
		assertThat(this.response.getHeader("X-Correlation-Id")).isEqualTo("req-7");
	}

	@Test
	void onAuthenticationSuccessWhenAdministratorThenNoContentId() throws Exception {
		OAuth2AccessTokenAuthenticationToken authentication = TestTokens
			.authentication(TestTokens.client("admin", "administrator"), Set.of());
		handler(this.recorded::add).onAuthenticationSuccess(tokenRequest(), this.response, authentication);
		assertThat(this.recorded).singleElement().satisfies((issuance) -> {
			assertThat(issuance.contentId()).isNull();
			assertThat(issuance.scopes()).isEmpty();
		});
	}

	@Test
	void onAuthenticationSuccessWhenNoCorrelationHeaderThenGeneratesOne() throws Exception {
		MockHttpServletRequest request = tokenRequest();
		request.addHeader("X-Correlation-Id", "bad value with spaces");
		handler(this.recorded::add).onAuthenticationSuccess(request, this.response,
				TestTokens.authentication(TestTokens.client("c-42", "content"), Set.of()));
		assertThat(this.recorded.getFirst().correlationId()).isNotEqualTo("bad value with spaces").hasSize(36);
	}

	@Test
	void onAuthenticationSuccessWhenAuditUnavailableThenTemporarilyUnavailableAndNoToken() {
		OAuth2AccessTokenAuthenticationToken authentication = TestTokens
			.authentication(TestTokens.client("c-42", "content"), Set.of());
		IssuanceAuditTrail down = (issuance) -> {
			throw new AuditTrailUnavailableException("TokenIssued not acknowledged within 2000 ms", null);
		};

		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> handler(down).onAuthenticationSuccess(tokenRequest(), this.response, authentication))
			.satisfies((ex) -> {
				assertThat(ex.getError().getErrorCode()).isEqualTo("temporarily_unavailable");
				assertThat(ex.getError().getDescription())
					.doesNotContain(authentication.getAccessToken().getTokenValue());
			});
		assertThat(this.response.isCommitted()).isFalse();
		assertThat(this.response.getContentLength()).isZero();
	}

	@Test
	void onAuthenticationSuccessWhenOtherGrantThenServerErrorAndNothingRecorded() {
		MockHttpServletRequest request = tokenRequest();
		request.setParameter("grant_type", "authorization_code");
		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> handler(this.recorded::add).onAuthenticationSuccess(request, this.response,
					TestTokens.authentication(TestTokens.client("c-42", "content"), Set.of())))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("server_error"));
		assertThat(this.recorded).isEmpty();
	}

	@Test
	void onAuthenticationSuccessWhenNotAccessTokenAuthenticationThenServerError() {
		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> handler(this.recorded::add).onAuthenticationSuccess(tokenRequest(), this.response,
					new TestingAuthenticationToken("x", "y")))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("server_error"));
	}

	@Test
	void constructorWhenAuditTrailNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AuditedAccessTokenResponseHandler(null, CLOCK))
			.withMessage("auditTrail cannot be null");
	}

	@Test
	void constructorWhenDelegateNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AuditedAccessTokenResponseHandler(this.recorded::add, null, CLOCK))
			.withMessage("delegate cannot be null");
	}

	@Test
	void constructorWhenClockNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AuditedAccessTokenResponseHandler(this.recorded::add, null))
			.withMessage("clock cannot be null");
	}

	private static AuditedAccessTokenResponseHandler handler(IssuanceAuditTrail trail) {
		return new AuditedAccessTokenResponseHandler(trail, CLOCK);
	}

	private static MockHttpServletRequest tokenRequest() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/oauth2/token");
		request.setParameter("grant_type", "client_credentials");
		return request;
	}

}
