package dev.lanyard.platform.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TokenAccessTest {

	private static final TokenAccess ADMIN_API = TokenAccess.of("Managing integrations", "content-session")
		.withRole("administrator");

	private static final TokenAccess INTERNAL = TokenAccess.of("Fetching client secrets", "internal-service")
		.withRole("token-broker")
		.withAudience("integration-registry");

	@Test
	void authorizeWhenContentSessionAdministratorThenGranted() {
		assertThat(authorize(ADMIN_API, TestJwts.authenticated("content-session", "administrator")).isGranted())
			.isTrue();
	}

	@Test
	void authorizeWhenUserSessionAdministratorThenRefusedNamingTheRequiredType() {
		AuthorizationResult result = authorize(ADMIN_API, TestJwts.authenticated("user-session", "administrator"));
		assertThat(result.isGranted()).isFalse();
		assertThat(result)
			.isInstanceOfSatisfying(TokenAccess.Refusal.class, (refusal) -> assertThat(refusal.detail()).isEqualTo(
					"Managing integrations requires a token of type content-session; this token's lanyard_token_type is user-session"));
	}

	/**
	 * Every token that stands for a person (issue 15 added federated and delegated ones)
	 * carries that person's role, yet administers nothing here.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "user-session", "user-federated", "user-delegated", "user-audit", "user-connections" })
	void authorizeWhenUserTokenOfAnAdministratorThenRefused(String tokenType) {
		assertThat(authorize(ADMIN_API, TestJwts.authenticated(tokenType, "administrator")).isGranted()).isFalse();
	}

	@Test
	void authorizeWhenNoTokenTypeThenRefusedSayingSo() {
		AuthorizationResult result = authorize(ADMIN_API, TestJwts.authenticated(null, "administrator"));
		assertThat(result).isInstanceOfSatisfying(TokenAccess.Refusal.class,
				(refusal) -> assertThat(refusal.detail()).endsWith("this token has no lanyard_token_type"));
	}

	@Test
	void authorizeWhenContentSessionWithoutRoleThenRefusedNamingTheRole() {
		AuthorizationResult result = authorize(ADMIN_API, TestJwts.authenticated("content-session", "auditor"));
		assertThat(result).isInstanceOfSatisfying(TokenAccess.Refusal.class, (refusal) -> assertThat(refusal.detail())
			.isEqualTo("Managing integrations requires the role administrator"));
	}

	@Test
	void authorizeWhenRoleClaimMimicsTokenTypeThenStillRefused() {
		// roles are prefixed ROLE_, so a role can never pass for a token type
		AuthorizationResult result = authorize(ADMIN_API,
				TestJwts.authenticated("user-session", "administrator", "TOKEN_TYPE_content-session"));
		assertThat(result.isGranted()).isFalse();
	}

	@Test
	void authorizeWhenAnyOfSeveralTypesThenGrantedWithoutRole() {
		TokenAccess anySession = TokenAccess.of("Reading", "content-session", "user-session");
		assertThat(authorize(anySession, TestJwts.authenticated("user-session", "viewer")).isGranted()).isTrue();
		AuthorizationResult refused = authorize(anySession, TestJwts.authenticated("internal-service", "viewer"));
		assertThat(refused).isInstanceOfSatisfying(TokenAccess.Refusal.class, (refusal) -> assertThat(refusal.detail())
			.startsWith("Reading requires a token of type content-session or user-session;"));
	}

	@Test
	void authorizeWhenAnonymousOrNoAuthenticationThenRefused() {
		Authentication anonymous = new AnonymousAuthenticationToken("key", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
		assertThat(authorize(ADMIN_API, anonymous).isGranted()).isFalse();
		assertThat(authorize(ADMIN_API, null).isGranted()).isFalse();
	}

	@Test
	void authorizeWhenInternalServiceTokenForThisServiceThenGranted() {
		assertThat(authorize(INTERNAL,
				TestJwts.authenticatedFor("integration-registry", "internal-service", "token-broker"))
			.isGranted()).isTrue();
	}

	@Test
	void authorizeWhenInternalServiceTokenForAnotherServiceThenRefusedNamingTheAudience() {
		AuthorizationResult result = authorize(INTERNAL,
				TestJwts.authenticatedFor("user-provisioning", "internal-service", "token-broker"));
		assertThat(result).isInstanceOfSatisfying(TokenAccess.Refusal.class, (refusal) -> assertThat(refusal.detail())
			.isEqualTo("Fetching client secrets requires a token for the audience integration-registry"));
	}

	@Test
	void authorizeWhenContentSessionTokenWithRoleTokenBrokerThenRefusedNamingTheType() {
		AuthorizationResult result = authorize(INTERNAL,
				TestJwts.authenticatedFor("integration-registry", "content-session", "token-broker"));
		assertThat(result)
			.isInstanceOfSatisfying(TokenAccess.Refusal.class, (refusal) -> assertThat(refusal.detail()).isEqualTo(
					"Fetching client secrets requires a token of type internal-service; this token's lanyard_token_type is content-session"));
	}

	@Test
	void authorizeWhenAudienceRequiredButNotAJwtThenRefused() {
		TestingAuthenticationToken notAJwt = new TestingAuthenticationToken("x", "y", "TOKEN_TYPE_internal-service",
				"ROLE_token-broker");
		assertThat(authorize(INTERNAL, notAJwt).isGranted()).isFalse();
	}

	@Test
	void authorizeWhenInternalServiceTokenWithoutRoleThenRefusedNamingTheRole() {
		AuthorizationResult result = authorize(INTERNAL,
				TestJwts.authenticatedFor("integration-registry", "internal-service", "administrator"));
		assertThat(result).isInstanceOfSatisfying(TokenAccess.Refusal.class, (refusal) -> assertThat(refusal.detail())
			.isEqualTo("Fetching client secrets requires the role token-broker"));
	}

	@Test
	void authorizeWhenUnauthenticatedThenRefusalAsksForABearerToken() {
		AuthorizationResult result = authorize(ADMIN_API, null);
		assertThat(result).isInstanceOfSatisfying(TokenAccess.Refusal.class,
				(refusal) -> assertThat(refusal.detail()).isEqualTo("Managing integrations requires a bearer token"));
	}

	@Test
	void refusalWhenDeniedByTokenAccessThenItsDetail() {
		AuthorizationDeniedException denied = new AuthorizationDeniedException("Access Denied",
				new TokenAccess.Refusal("why"));
		assertThat(TokenAccess.refusal(denied)).contains("why");
	}

	@Test
	void refusalWhenDeniedOtherwiseThenEmpty() {
		assertThat(TokenAccess
			.refusal(new AuthorizationDeniedException("Access Denied", new AuthorizationDecision(false)))).isEmpty();
		assertThat(TokenAccess.refusal(new AuthorizationDeniedException("Access Denied"))).isEmpty();
		assertThat(TokenAccess.refusal(new AccessDeniedException("Access Denied"))).isEmpty();
	}

	@Test
	void ofWhenActionBlankThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> TokenAccess.of(" ", "content-session"))
			.withMessage("action cannot be blank");
	}

	@Test
	void ofWhenNoTokenTypeThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> TokenAccess.of("Managing"))
			.withMessage("tokenTypes cannot be empty");
	}

	@Test
	void withRoleWhenBlankThenRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TokenAccess.of("Managing", "content-session").withRole(""))
			.withMessage("role cannot be blank");
	}

	@Test
	void withAudienceWhenBlankThenRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TokenAccess.of("Fetching", "internal-service").withAudience(" "))
			.withMessage("audience cannot be blank");
	}

	private static AuthorizationResult authorize(TokenAccess access, Authentication authentication) {
		return access.authorize(() -> authentication, null);
	}

}
