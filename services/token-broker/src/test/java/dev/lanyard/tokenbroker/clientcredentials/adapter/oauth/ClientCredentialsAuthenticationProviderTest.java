package dev.lanyard.tokenbroker.clientcredentials.adapter.oauth;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.lanyard.tokenbroker.clientcredentials.application.RecordClientAccessToken;
import dev.lanyard.tokenbroker.issuance.adapter.oauth.RecordedAccessTokenAuthenticationToken;
import dev.lanyard.tokenbroker.issuance.application.AuditTrailUnavailableException;
import dev.lanyard.tokenbroker.issuance.application.IssuanceAuditTrail;
import dev.lanyard.tokenbroker.issuance.domain.TokenDigest;
import dev.lanyard.tokenbroker.issuance.domain.TokenIssuance;

import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClientCredentialsAuthenticationProviderTest {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

	private final List<TokenIssuance> recorded = new ArrayList<>();

	@BeforeEach
	void setUp() {
		AuthorizationServerContextHolder.setContext(TestTokens.context());
	}

	@AfterEach
	void tearDown() {
		AuthorizationServerContextHolder.resetContext();
	}

	@Test
	void authenticateWhenAcknowledgedThenEventThenRecordedToken() throws Exception {
		RecordedAccessTokenAuthenticationToken result = (RecordedAccessTokenAuthenticationToken) provider(
				this.recorded::add)
			.authenticate(request(TestTokens.client("c-42", "content", "read"), Set.of("read"), "req-7"));
		OAuth2AccessToken token = result.getAccessToken();
		String jti = SignedJWT.parse(token.getTokenValue()).getJWTClaimsSet().getJWTID();

		assertThat(this.recorded).singleElement().satisfies((issuance) -> {
			assertThat(issuance.tokenSha256()).isEqualTo(TokenDigest.sha256Hex(token.getTokenValue()));
			assertThat(issuance.tokenId()).isNotBlank().isEqualTo(jti);
			assertThat(issuance.correlationId()).isEqualTo("req-7");
			assertThat(issuance.tokenType()).isEqualTo("content-session");
			assertThat(issuance.subjectId()).isEqualTo("c-42");
			assertThat(issuance.subjectType()).isEqualTo("content");
			assertThat(issuance.contentId()).isEqualTo("c-42");
			assertThat(issuance.scopes()).containsExactly("read");
			assertThat(issuance.audience()).containsExactly("token-broker", "integration-registry");
			assertThat(issuance.grantType()).isEqualTo("client_credentials");
			// as in the token: whole seconds
			assertThat(issuance.issuedAt()).isEqualTo(token.getIssuedAt().truncatedTo(ChronoUnit.SECONDS));
			assertThat(issuance.expiresAt()).isEqualTo(token.getExpiresAt().truncatedTo(ChronoUnit.SECONDS));
			assertThat(issuance.occurredAt()).isEqualTo(CLOCK.instant());
		});
		assertThat(result.correlationId()).isEqualTo("req-7");
		assertThat(token.getScopes()).containsExactly("read");
		assertThat(result.getRegisteredClient().getClientId()).isEqualTo("c-42");
	}

	@Test
	void authenticateWhenAdministratorThenRecordedAsAdministratorsClientAccess() {
		provider(this.recorded::add).authenticate(request(TestTokens.client("admin", "administrator"), Set.of(), "r"));
		assertThat(this.recorded).singleElement().satisfies((issuance) -> {
			assertThat(issuance.contentId()).isNull();
			assertThat(issuance.scopes()).isEmpty();
			assertThat(issuance.subjectType()).isEqualTo("administrator");
			assertThat(issuance.tokenType()).isEqualTo("client-access");
			assertThat(issuance.audience()).containsExactly("token-broker", "integration-registry",
					"user-provisioning");
		});
	}

	@Test
	void authenticateWhenAuditUnavailableThenTemporarilyUnavailableAndNoToken() {
		IssuanceAuditTrail down = (issuance) -> {
			throw new AuditTrailUnavailableException("TokenIssued not acknowledged within 2000 ms", null);
		};
		List<TokenIssuance> attempted = new ArrayList<>();

		assertThatExceptionOfType(OAuth2AuthenticationException.class).isThrownBy(() -> provider((issuance) -> {
			attempted.add(issuance);
			down.record(issuance);
		}).authenticate(request(TestTokens.client("c-42", "content"), Set.of(), "r"))).satisfies((ex) -> {
			assertThat(ex.getError().getErrorCode()).isEqualTo("temporarily_unavailable");
			assertThat(ex.getError().getDescription())
				.isEqualTo(ClientCredentialsAuthenticationProvider.UNAVAILABLE_DESCRIPTION);
		});
		assertThat(attempted).singleElement().satisfies((issuance) -> assertThat(issuance.tokenSha256()).hasSize(64));
	}

	@Test
	void authenticateWhenScopeNotRegisteredThenInvalidScopeAndNothingRecorded() {
		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> provider(this.recorded::add)
				.authenticate(request(TestTokens.client("c-42", "content", "read"), Set.of("write"), "r")))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_scope"));
		assertThat(this.recorded).isEmpty();
	}

	@Test
	void authenticateWhenClientNotAuthenticatedThenInvalidClient() {
		Authentication anonymous = new TestingAuthenticationToken("c-42", null);
		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> provider(this.recorded::add).authenticate(new ClientCredentialsGrantAuthenticationToken(
					new OAuth2ClientCredentialsAuthenticationToken(anonymous, Set.of(), Map.of()), "r")))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_client"));
		assertThat(this.recorded).isEmpty();
	}

	@Test
	void authenticateWhenNotReadByOurConverterThenServerErrorAndNothingRecorded() {
		RegisteredClient client = TestTokens.client("c-42", "content");
		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> provider(this.recorded::add).authenticate(
					new OAuth2ClientCredentialsAuthenticationToken(TestTokens.principal(client), Set.of(), Map.of())))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("server_error"));
		assertThat(this.recorded).isEmpty();
	}

	@Test
	void supportsWhenAnyClientCredentialsRequestThenTrue() {
		ClientCredentialsAuthenticationProvider provider = provider(this.recorded::add);
		assertThat(provider.supports(OAuth2ClientCredentialsAuthenticationToken.class)).isTrue();
		assertThat(provider.supports(ClientCredentialsGrantAuthenticationToken.class)).isTrue();
		assertThat(provider.supports(TestingAuthenticationToken.class)).isFalse();
	}

	@Test
	void constructorWhenTokenGeneratorNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ClientCredentialsAuthenticationProvider(null,
					new RecordClientAccessToken(this.recorded::add, CLOCK)))
			.withMessage("tokenGenerator cannot be null");
	}

	@Test
	void constructorWhenRecordClientAccessTokenNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ClientCredentialsAuthenticationProvider(TestTokens.generator(), null))
			.withMessage("recordClientAccessToken cannot be null");
	}

	private static ClientCredentialsAuthenticationProvider provider(IssuanceAuditTrail trail) {
		return new ClientCredentialsAuthenticationProvider(TestTokens.generator(),
				new RecordClientAccessToken(trail, CLOCK));
	}

	private static ClientCredentialsGrantAuthenticationToken request(RegisteredClient client, Set<String> scopes,
			String correlationId) {
		return new ClientCredentialsGrantAuthenticationToken(
				new OAuth2ClientCredentialsAuthenticationToken(TestTokens.principal(client), scopes, Map.of()),
				correlationId);
	}

}
