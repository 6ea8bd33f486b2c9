package dev.lanyard.tokenbroker.connections.domain;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ConnectAttemptTest {

	private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	@Test
	void codeChallengeWhenRfc7636ExampleThenS256OfVerifier() {
		ConnectAttempt attempt = new ConnectAttempt("s", "u", "i", "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", null,
				NOW, NOW.plusSeconds(600));
		assertThat(attempt.codeChallenge()).isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
	}

	@Test
	void startWhenCalledTwiceThenFreshStateAndVerifier() {
		ConnectAttempt one = ConnectAttempt.start("u", "i", "/x", NOW, Duration.ofMinutes(10));
		ConnectAttempt two = ConnectAttempt.start("u", "i", "/x", NOW, Duration.ofMinutes(10));
		assertThat(one.state()).hasSize(43).isNotEqualTo(two.state());
		assertThat(one.codeVerifier()).hasSize(43).isNotEqualTo(two.codeVerifier());
		assertThat(one.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
	}

	@Test
	void isExpiredAtWhenAtExpiryThenExpired() {
		ConnectAttempt attempt = ConnectAttempt.start("u", "i", null, NOW, Duration.ofMinutes(10));
		assertThat(attempt.isExpiredAt(NOW.plus(Duration.ofMinutes(9)))).isFalse();
		assertThat(attempt.isExpiredAt(NOW.plus(Duration.ofMinutes(10)))).isTrue();
	}

	@Test
	void toStringWhenPrintedThenNoVerifierOrState() {
		ConnectAttempt attempt = ConnectAttempt.start("u", "i", null, NOW, Duration.ofMinutes(10));
		assertThat(attempt.toString()).doesNotContain(attempt.codeVerifier()).doesNotContain(attempt.state());
	}

	@Test
	void constructorWhenVerifierTooShortThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ConnectAttempt("s", "u", "i", "short", null, NOW, NOW.plusSeconds(1)))
			.withMessage("codeVerifier must have 43 to 128 characters");
	}

}
