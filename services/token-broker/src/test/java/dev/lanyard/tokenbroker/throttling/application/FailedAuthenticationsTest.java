package dev.lanyard.tokenbroker.throttling.application;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.lanyard.testing.time.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FailedAuthenticationsTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T10:00:00Z"));

	private final FailedAuthentications failures = new FailedAuthentications(3, Duration.ofMinutes(1), 100, this.clock);

	@Test
	void retryAfterWhenLimitReachedThenWaitUntilTheWindowEndsAndOthersUnaffected() {
		for (int i = 0; i < 3; i++) {
			assertThat(this.failures.retryAfter("client:a")).isEmpty();
			this.failures.failed("client:a");
		}
		this.clock.advance(Duration.ofSeconds(20));
		assertThat(this.failures.retryAfter("client:a")).contains(Duration.ofSeconds(40));
		assertThat(this.failures.retryAfter("client:b")).isEmpty();
	}

	@Test
	void retryAfterWhenWindowOverThenCountingStartsAgain() {
		for (int i = 0; i < 3; i++) {
			this.failures.failed("client:a");
		}
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(this.failures.retryAfter("client:a")).isEmpty();
		this.failures.failed("client:a");
		assertThat(this.failures.retryAfter("client:a")).isEmpty();
	}

	@Test
	void constructorWhenLimitBelowOneThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new FailedAuthentications(0, Duration.ofMinutes(1), 10, this.clock))
			.withMessage("limit must be at least 1");
	}

}
