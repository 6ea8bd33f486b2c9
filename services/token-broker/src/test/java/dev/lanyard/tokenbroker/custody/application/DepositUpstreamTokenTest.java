package dev.lanyard.tokenbroker.custody.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import dev.lanyard.tokenbroker.custody.application.DepositUpstreamToken.Outcome;
import dev.lanyard.tokenbroker.sessions.application.EndedSessions;
import dev.lanyard.tokenbroker.sessions.application.SignIns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DepositUpstreamTokenTest {

	private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

	private static final UUID LOGIN = UUID.fromString("6f1c0c39-1111-4c1e-9a40-000000000001");

	private final InMemoryUpstreamTokenStore store = new InMemoryUpstreamTokenStore();

	private final Set<String> confirmed = ConcurrentHashMap.newKeySet();

	private final Set<String> ended = ConcurrentHashMap.newKeySet();

	private final DepositUpstreamToken useCase = new DepositUpstreamToken(this.store, signIns(), endedSessions(),
			Duration.ofHours(12), Duration.ZERO, Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void depositWhenSignInConfirmedThenKeptForThatSessionAndUser() throws Exception {
		this.confirmed.add(LOGIN + "/s-1/u-1");

		assertThat(this.useCase.deposit(command("s-1", "u-1", NOW.plusSeconds(600)))).isEqualTo(Outcome.KEPT);

		assertThat(this.store.find("s-1", "u-1", NOW)).hasValueSatisfying((token) -> {
			assertThat(token.value()).isEqualTo("upstream-1");
			assertThat(token.expiresAt()).isEqualTo(NOW.plusSeconds(600));
		});
		assertThat(this.store.find("s-1", "u-2", NOW)).isEmpty();
	}

	/** A gateway secret alone cannot plant a token in another person's session. */
	@Test
	void depositWhenNoSignInOfThatUserBacksTheSessionThenNothingKept() throws Exception {
		this.confirmed.add(LOGIN + "/s-1/u-1");

		assertThat(this.useCase.deposit(command("s-1", "u-2", NOW.plusSeconds(600)))).isEqualTo(Outcome.NO_SIGN_IN);

		assertThat(this.store.size()).isZero();
	}

	@Test
	void depositWhenSessionEndedThenNothingKept() throws Exception {
		this.confirmed.add(LOGIN + "/s-1/u-1");
		this.ended.add("s-1");

		assertThat(this.useCase.deposit(command("s-1", "u-1", NOW.plusSeconds(600)))).isEqualTo(Outcome.SESSION_ENDED);
		assertThat(this.store.size()).isZero();
	}

	@Test
	void depositWhenExpiredThenNothingKept() throws Exception {
		this.confirmed.add(LOGIN + "/s-1/u-1");

		assertThat(this.useCase.deposit(command("s-1", "u-1", NOW))).isEqualTo(Outcome.EXPIRED);
		assertThat(this.store.size()).isZero();
	}

	@Test
	void depositWhenExpiryBeyondLongestSessionThenKeptOnlyThatLong() throws Exception {
		this.confirmed.add(LOGIN + "/s-1/u-1");

		this.useCase.deposit(command("s-1", "u-1", NOW.plus(Duration.ofDays(30))));

		assertThat(this.store.find("s-1", "u-1", NOW))
			.hasValueSatisfying((token) -> assertThat(token.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(12))));
	}

	@Test
	void depositWhenCommandNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.useCase.deposit(null))
			.withMessage("command cannot be null");
	}

	@Test
	void commandWhenPrintedThenNoTokenValue() {
		assertThat(command("s-1", "u-1", NOW).toString()).doesNotContain("upstream-1");
	}

	@Test
	void constructorWhenStoreNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DepositUpstreamToken(null, signIns(), endedSessions(), Duration.ofHours(1),
					Duration.ZERO, Clock.systemUTC()))
			.withMessage("store cannot be null");
	}

	private static DepositUpstreamTokenCommand command(String sessionId, String userId, Instant expiresAt) {
		return new DepositUpstreamTokenCommand(sessionId, LOGIN, userId, "upstream-1", expiresAt);
	}

	private SignIns signIns() {
		return new SignIns() {

			@Override
			public void announced(UUID loginEventId, String sessionId, Instant at) {
			}

			@Override
			public void answered(UUID answerEventId, String userId, Instant at) {
			}

			@Override
			public boolean confirms(UUID loginEventId, String sessionId, String userId, Instant notBefore) {
				return DepositUpstreamTokenTest.this.confirmed.contains(loginEventId + "/" + sessionId + "/" + userId);
			}

		};
	}

	private EndedSessions endedSessions() {
		return new EndedSessions() {

			@Override
			public void end(String sessionId, String userId, Instant endedAt) {
				DepositUpstreamTokenTest.this.ended.add(sessionId);
			}

			@Override
			public boolean ended(String sessionId) {
				return DepositUpstreamTokenTest.this.ended.contains(sessionId);
			}

		};
	}

}
