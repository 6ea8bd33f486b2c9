package dev.lanyard.tokenbroker.connections.application;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.lanyard.tokenbroker.connections.domain.Connection;
import dev.lanyard.tokenbroker.external.application.ExternalServiceRefusedException;
import dev.lanyard.tokenbroker.external.application.ExternalServiceUnavailableException;
import dev.lanyard.tokenbroker.external.application.UserGrantEndpoint;
import dev.lanyard.tokenbroker.external.domain.ExternalGrant;
import dev.lanyard.tokenbroker.external.domain.ExternalToken;
import dev.lanyard.tokenbroker.integrations.domain.Integration;
import dev.lanyard.tokenbroker.integrations.domain.IntegrationKind;
import dev.lanyard.testing.time.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ViewerTokensTest {

	private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	private final MutableClock clock = new MutableClock(NOW);

	private final InMemoryConnectionStore store = new InMemoryConnectionStore();

	/**
	 * What the external endpoint answers to the next refreshes; refusals as exceptions.
	 */
	private final Deque<Object> answers = new ArrayDeque<>();

	private final Deque<String> refreshTokensUsed = new ArrayDeque<>();

	private final UserGrantEndpoint endpoint = new UserGrantEndpoint() {

		@Override
		public ExternalGrant authorizationCode(Integration integration, String clientSecret, String code,
				URI redirectUri, String codeVerifier) {
			throw new UnsupportedOperationException();
		}

		@Override
		public ExternalGrant refresh(Integration integration, String clientSecret, String refreshToken)
				throws ExternalServiceUnavailableException, ExternalServiceRefusedException {
			ViewerTokensTest.this.refreshTokensUsed.add(refreshToken);
			Object answer = ViewerTokensTest.this.answers.removeFirst();
			if (answer instanceof ExternalServiceRefusedException refused) {
				throw refused;
			}
			if (answer instanceof ExternalServiceUnavailableException unavailable) {
				throw unavailable;
			}
			return (ExternalGrant) answer;
		}

	};

	private final ViewerTokens tokens = new ViewerTokens(this.store, this.endpoint, (id, version) -> "secret",
			Duration.ofSeconds(30), 100, this.clock);

	private final Integration integration = new Integration("i-1", "Viewer", IntegrationKind.VIEWER,
			URI.create("https://ext.example/token"), URI.create("https://ext.example/authorize"), "client", 1,
			Set.of("read"), null, null, Set.of(), Set.of(), false, NOW);

	@Test
	void currentWhenNotConnectedThenNotConnected() {
		assertThat(this.tokens.current("u-1", this.integration)).isInstanceOf(ViewerToken.NotConnected.class);
	}

	@Test
	void currentWhenRememberedAndFreshThenNoRefresh() {
		Connection connection = connect("rt-1");
		this.tokens.remember(connection, this.integration, token("at-1", Duration.ofHours(1)));
		assertThat(this.tokens.current("u-1", this.integration)).isEqualTo(current("at-1", Duration.ofHours(1)));
		assertThat(this.refreshTokensUsed).isEmpty();
	}

	@Test
	void currentWhenNearExpiryThenRefreshedAndRotatedTokenStored() {
		Connection connection = connect("rt-1");
		this.tokens.remember(connection, this.integration, token("at-1", Duration.ofMinutes(1)));
		this.clock.advance(Duration.ofSeconds(31));
		this.answers.add(new ExternalGrant(token("at-2", Duration.ofHours(1)), "rt-2"));

		ViewerToken refreshed = this.tokens.current("u-1", this.integration);

		assertThat(refreshed).isEqualTo(current("at-2", Duration.ofHours(1)));
		assertThat(this.refreshTokensUsed).containsExactly("rt-1");
		assertThat(this.store.find("u-1", "i-1")).get()
			.satisfies((c) -> assertThat(c.refreshToken()).isEqualTo("rt-2"));
		// the refreshed token is kept for the rotated connection
		assertThat(this.tokens.current("u-1", this.integration)).isEqualTo(refreshed);
		assertThat(this.refreshTokensUsed).hasSize(1);
	}

	@Test
	void currentWhenRefreshAnsweredInvalidGrantThenConnectionDeleted() {
		connect("rt-1");
		this.answers.add(new ExternalServiceRefusedException("invalid_grant", 400, "revoked"));
		assertThat(this.tokens.current("u-1", this.integration)).isInstanceOf(ViewerToken.NotConnected.class);
		assertThat(this.store.find("u-1", "i-1")).isEmpty();
	}

	@Test
	void currentWhenRefreshUnavailableThenUnavailableAndConnectionKept() {
		connect("rt-1");
		this.answers.add(new ExternalServiceUnavailableException("HTTP 503"));
		assertThat(this.tokens.current("u-1", this.integration)).isInstanceOf(ViewerToken.Unavailable.class);
		assertThat(this.store.find("u-1", "i-1")).isPresent();
	}

	@Test
	void currentWhenRefreshRefusedOtherwiseThenRefusedAndConnectionKept() {
		connect("rt-1");
		this.answers.add(new ExternalServiceRefusedException("invalid_client", 401, "bad client"));
		assertThat(this.tokens.current("u-1", this.integration)).isInstanceOfSatisfying(ViewerToken.Refused.class,
				(refused) -> assertThat(refused.error()).isEqualTo("invalid_client"));
		assertThat(this.store.find("u-1", "i-1")).isPresent();
	}

	@Test
	void currentWhenDisconnectedElsewhereThenNotConnectedDespiteCachedToken() {
		Connection connection = connect("rt-1");
		this.tokens.remember(connection, this.integration, token("at-1", Duration.ofHours(1)));
		this.store.delete("u-1", "i-1");
		assertThat(this.tokens.current("u-1", this.integration)).isInstanceOf(ViewerToken.NotConnected.class);
	}

	@Test
	void currentWhenReconnectedThenOldTokenNotHandedOut() {
		Connection connection = connect("rt-1");
		this.tokens.remember(connection, this.integration, token("at-1", Duration.ofHours(1)));
		connect("rt-9");
		this.answers.add(new ExternalGrant(token("at-9", Duration.ofHours(1)), null));
		assertThat(this.tokens.current("u-1", this.integration)).isEqualTo(current("at-9", Duration.ofHours(1)));
		assertThat(this.refreshTokensUsed).containsExactly("rt-9");
	}

	@Test
	void constructorWhenStoreNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ViewerTokens(null, this.endpoint, (id, v) -> "s", Duration.ZERO, 1, this.clock))
			.withMessage("store cannot be null");
	}

	private Connection connect(String refreshToken) {
		Connection connection = new Connection("u-1", "i-1", Set.of("read"), refreshToken, 1, this.clock.instant());
		this.store.save(connection, this.clock.instant());
		return this.store.find("u-1", "i-1").orElseThrow();
	}

	private ExternalToken token(String value, Duration lifetime) {
		return new ExternalToken(value, this.clock.instant().plus(lifetime), Set.of("read"));
	}

	private ViewerToken current(String value, Duration lifetime) {
		return new ViewerToken.Current(token(value, lifetime));
	}

}
