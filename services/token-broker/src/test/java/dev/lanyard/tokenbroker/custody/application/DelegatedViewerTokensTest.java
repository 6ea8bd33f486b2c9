package dev.lanyard.tokenbroker.custody.application;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.lanyard.tokenbroker.connections.application.ViewerToken;
import dev.lanyard.tokenbroker.custody.domain.UpstreamToken;
import dev.lanyard.tokenbroker.external.application.DelegationEndpoint;
import dev.lanyard.tokenbroker.external.application.ExternalServiceRefusedException;
import dev.lanyard.tokenbroker.external.domain.ExternalToken;
import dev.lanyard.tokenbroker.integrations.domain.Delegation;
import dev.lanyard.tokenbroker.integrations.domain.Integration;
import dev.lanyard.tokenbroker.integrations.domain.IntegrationKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DelegatedViewerTokensTest {

	private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

	private final InMemoryUpstreamTokenStore store = new InMemoryUpstreamTokenStore();

	private final List<String> presented = new ArrayList<>();

	private volatile boolean refuse;

	private final DelegationEndpoint endpoint = (integration, secret, upstream, scopes) -> {
		this.presented.add(upstream);
		if (this.refuse) {
			throw new ExternalServiceRefusedException("invalid_grant", 400, "Token endpoint answered HTTP 400");
		}
		return new ExternalToken("delegated-" + this.presented.size(), NOW.plusSeconds(600), Set.of("read"));
	};

	private final DelegatedViewerTokens tokens = new DelegatedViewerTokens(this.store, this.endpoint,
			(id, version) -> "secret", Duration.ofSeconds(30), 100, Clock.fixed(NOW, ZoneOffset.UTC));

	private final Integration integration = new Integration("i-1", "Orders", IntegrationKind.VIEWER,
			URI.create("https://idp.example/token"), null, "client-1", 1, Set.of("read"), "api://orders", null,
			Set.of(), Set.of("c-1"), false, NOW, Delegation.TOKEN_EXCHANGE);

	@Test
	void currentWhenSessionHoldsUpstreamTokenThenAsksProviderWithItOnceAndKeepsTheAnswer() {
		keep("s-1", "u-1", NOW.plusSeconds(600));

		ViewerToken first = this.tokens.current("s-1", "u-1", this.integration, Set.of());
		ViewerToken second = this.tokens.current("s-1", "u-1", this.integration, Set.of());

		assertThat(first).isInstanceOfSatisfying(ViewerToken.Current.class,
				(current) -> assertThat(current.token().value()).isEqualTo("delegated-1"));
		assertThat(second).isEqualTo(first);
		assertThat(this.presented).containsExactly("upstream-s-1");
	}

	@Test
	void currentWhenNoUpstreamTokenThenNoUpstreamTokenAndProviderNotAsked() {
		assertThat(this.tokens.current("s-1", "u-1", this.integration, Set.of()))
			.isInstanceOf(ViewerToken.NoUpstreamToken.class);
		assertThat(this.presented).isEmpty();
	}

	/**
	 * The session's token is bound to its user: another user's token naming it is not
	 * used.
	 */
	@Test
	void currentWhenSessionsTokenBelongsToAnotherUserThenNoUpstreamToken() {
		keep("s-1", "u-1", NOW.plusSeconds(600));

		assertThat(this.tokens.current("s-1", "u-2", this.integration, Set.of()))
			.isInstanceOf(ViewerToken.NoUpstreamToken.class);
		assertThat(this.presented).isEmpty();
	}

	/**
	 * A delegated token is kept per (session, integration, scopes): another session, even
	 * of the same user, is served from its own upstream token, never from the first
	 * session's cached answer.
	 */
	@Test
	void currentWhenAnotherSessionAsksThenObtainedWithThatSessionsUpstreamToken() {
		keep("s-1", "u-1", NOW.plusSeconds(600));
		keep("s-2", "u-1", NOW.plusSeconds(600));
		keep("s-3", "u-3", NOW.plusSeconds(600));

		ViewerToken first = this.tokens.current("s-1", "u-1", this.integration, Set.of());
		ViewerToken second = this.tokens.current("s-2", "u-1", this.integration, Set.of());
		ViewerToken third = this.tokens.current("s-3", "u-3", this.integration, Set.of());

		assertThat(List.of(first, second, third)).doesNotHaveDuplicates();
		assertThat(this.presented).containsExactly("upstream-s-1", "upstream-s-2", "upstream-s-3");
		assertThat(this.tokens.current("s-1", "u-3", this.integration, Set.of()))
			.as("a session named with another user's id")
			.isInstanceOf(ViewerToken.NoUpstreamToken.class);
	}

	@Test
	void currentWhenUpstreamTokenExpiredThenNoUpstreamToken() {
		keep("s-1", "u-1", NOW);

		assertThat(this.tokens.current("s-1", "u-1", this.integration, Set.of()))
			.isInstanceOf(ViewerToken.NoUpstreamToken.class);
	}

	/**
	 * A sign-out on any instance counts at once, even with a delegated token in memory.
	 */
	@Test
	void currentWhenUpstreamTokenDroppedAfterUseThenKeptDelegatedTokenNotHandedOut() {
		keep("s-1", "u-1", NOW.plusSeconds(600));
		this.tokens.current("s-1", "u-1", this.integration, Set.of());

		this.store.deleteSession("s-1");

		assertThat(this.tokens.current("s-1", "u-1", this.integration, Set.of()))
			.isInstanceOf(ViewerToken.NoUpstreamToken.class);
	}

	@Test
	void currentWhenNoSessionNamedThenNoUpstreamToken() {
		assertThat(this.tokens.current(null, "u-1", this.integration, Set.of()))
			.isInstanceOf(ViewerToken.NoUpstreamToken.class);
	}

	@Test
	void currentWhenProviderRefusesThenRefusedWithItsError() {
		keep("s-1", "u-1", NOW.plusSeconds(600));
		this.refuse = true;

		assertThat(this.tokens.current("s-1", "u-1", this.integration, Set.of())).isInstanceOfSatisfying(
				ViewerToken.Refused.class, (refused) -> assertThat(refused.error()).isEqualTo("invalid_grant"));
	}

	@Test
	void currentWhenIntegrationNotDelegatedThenThrows() {
		Integration connectOnce = new Integration("i-2", "Connect", IntegrationKind.VIEWER,
				URI.create("https://idp.example/token"), URI.create("https://idp.example/authorize"), "client-1", 1,
				Set.of("read"), null, null, Set.of(), Set.of(), false, NOW);
		assertThatIllegalArgumentException().isThrownBy(() -> this.tokens.current("s-1", "u-1", connectOnce, Set.of()))
			.withMessage("integration must be delegated");
	}

	@Test
	void constructorWhenEndpointNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DelegatedViewerTokens(this.store, null, (id, version) -> "secret",
					Duration.ofSeconds(30), 100, Clock.systemUTC()))
			.withMessage("endpoint cannot be null");
	}

	private void keep(String sessionId, String userId, Instant expiresAt) {
		this.store.save(new UpstreamToken(sessionId, userId, "upstream-" + sessionId, expiresAt),
				expiresAt.minusSeconds(1));
	}

}
