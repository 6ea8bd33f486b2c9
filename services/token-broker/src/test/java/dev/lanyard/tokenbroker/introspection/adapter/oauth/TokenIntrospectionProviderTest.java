package dev.lanyard.tokenbroker.introspection.adapter.oauth;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import dev.lanyard.tokenbroker.sessions.application.EndedSessions;
import dev.lanyard.tokenbroker.users.application.InMemoryUserReadModel;
import dev.lanyard.tokenbroker.users.domain.UserSnapshot;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenIntrospection;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TokenIntrospectionProviderTest {

	private static final Instant NOW = Instant.now();

	private static final String RESOURCE = "https://reports.example";

	private final InMemoryUserReadModel users = new InMemoryUserReadModel();

	private final Set<String> endedSessions = new java.util.HashSet<>();

	private final EndedSessions ended = new EndedSessions() {

		@Override
		public void end(String sessionId, String userId, Instant endedAt) {
			TokenIntrospectionProviderTest.this.endedSessions.add(sessionId);
		}

		@Override
		public boolean ended(String sessionId) {
			return TokenIntrospectionProviderTest.this.endedSessions.contains(sessionId);
		}

	};

	private final Map<String, Jwt> tokens = Map.of("delegated",
			jwt("u-1",
					(claims) -> claims.claim("act", Map.of("sub", "c-1", "act", Map.of("sub", "c-0")))
						.claim("lanyard_token_type", "user-delegated")
						.claim("sid", "s-1")
						.claim("scope", "read write")
						.audience(List.of(RESOURCE))),
			"content",
			jwt("c-1",
					(claims) -> claims.claim("lanyard_token_type", "content-session")
						.audience(List.of("token-broker"))),
			"session",
			jwt("u-1",
					(claims) -> claims.claim("may_act", Map.of("sub", "c-1"))
						.claim("lanyard_token_type", "user-session")
						.claim("sid", "s-1")
						.audience(List.of("token-broker"))));

	private final TokenIntrospectionProvider provider = new TokenIntrospectionProvider((token) -> {
		Jwt jwt = this.tokens.get(token);
		if (jwt == null) {
			throw new BadJwtException("bad");
		}
		return jwt;
	}, this.ended, this.users, Set.of(RESOURCE));

	TokenIntrospectionProviderTest() {
		this.users.apply(new UserSnapshot("u-1", "user1", "viewer", false, true, Set.of(), 1, NOW));
	}

	@Test
	void authenticateWhenActorAsksThenActiveWithNestedActAndClaims() {
		OAuth2TokenIntrospection claims = introspect("c-1", "delegated");
		assertThat(claims.isActive()).isTrue();
		assertThat(claims.getSubject()).isEqualTo("u-1");
		assertThat(claims.getClientId()).isEqualTo("c-1");
		assertThat(claims.getScopes()).containsExactlyInAnyOrder("read", "write");
		assertThat(claims.getAudience()).containsExactly(RESOURCE);
		assertThat(claims.getClaims()).containsEntry("act", Map.of("sub", "c-1", "act", Map.of("sub", "c-0")))
			.containsEntry("lanyard_token_type", "user-delegated")
			.containsEntry("token_type", "Bearer")
			.doesNotContainKey("sid");
	}

	@Test
	void authenticateWhenResourceOfItsAudienceAsksThenActive() {
		assertThat(introspect(RESOURCE, "delegated").isActive()).isTrue();
	}

	@Test
	void authenticateWhenClientNamedLikeAnInternalAudienceAsksThenOnlyInactive() {
		// "token-broker" is in every content token's aud, but no resource server
		assertInactiveOnly(introspect("token-broker", "content"));
	}

	@Test
	void authenticateWhenClientNamedLikeTheUserAsksThenOnlyInactive() {
		assertInactiveOnly(introspect("u-1", "delegated"));
		assertInactiveOnly(introspect("u-1", "session"));
	}

	@Test
	void authenticateWhenOwnContentTokenOrHeldUserSessionThenActive() {
		assertThat(introspect("c-1", "content").isActive()).isTrue();
		assertThat(introspect("c-1", "session").isActive()).isTrue();
	}

	@Test
	void authenticateWhenStrangerOrInvalidThenOnlyInactive() {
		assertInactiveOnly(introspect("c-9", "delegated"));
		assertInactiveOnly(introspect("c-1", "not-a-token"));
	}

	@Test
	void authenticateWhenSessionEndedThenInactive() {
		this.endedSessions.add("s-1");
		assertInactiveOnly(introspect("c-1", "delegated"));
		assertInactiveOnly(introspect("c-1", "session"));
		assertThat(introspect("c-1", "content").isActive()).isTrue();
	}

	@Test
	void authenticateWhenUserDeactivatedThenInactive() {
		this.users.deactivate("u-1", NOW);
		assertInactiveOnly(introspect("c-1", "delegated"));
	}

	@Test
	void authenticateWhenClientNotAuthenticatedThenInvalidClient() {
		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> this.provider.authenticate(new OAuth2TokenIntrospectionAuthenticationToken("delegated",
					new UsernamePasswordAuthenticationToken("c-1", "x"), null, Map.of())))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_client"));
	}

	@Test
	void tokenIntrospectionProviderWhenTokensNullThenRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TokenIntrospectionProvider(null, this.ended, this.users, Set.of()))
			.withMessage("tokens cannot be null");
	}

	private OAuth2TokenIntrospection introspect(String clientId, String token) {
		RegisteredClient client = RegisteredClient.withId("id-" + clientId)
			.clientId(clientId)
			.clientSecret("x")
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.build();
		OAuth2ClientAuthenticationToken principal = new OAuth2ClientAuthenticationToken(client,
				ClientAuthenticationMethod.CLIENT_SECRET_BASIC, "x");
		return ((OAuth2TokenIntrospectionAuthenticationToken) this.provider
			.authenticate(new OAuth2TokenIntrospectionAuthenticationToken(token, principal, null, Map.of())))
			.getTokenClaims();
	}

	private static void assertInactiveOnly(OAuth2TokenIntrospection claims) {
		assertThat(claims.isActive()).isFalse();
		assertThat(claims.getClaims()).containsOnlyKeys("active");
	}

	private static Jwt jwt(String subject, Consumer<Jwt.Builder> claims) {
		Jwt.Builder builder = Jwt.withTokenValue("t")
			.header("alg", "ES256")
			.header("typ", "at+jwt")
			.issuer("http://127.0.0.1:8080")
			.subject(subject)
			.jti("jti-" + subject)
			.issuedAt(NOW)
			.expiresAt(NOW.plusSeconds(300));
		claims.accept(builder);
		return builder.build();
	}

}
