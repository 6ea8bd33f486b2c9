package dev.lanyard.tokenbroker.sessions;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class UserSessionPropertiesTest {

	@Test
	void userSessionPropertiesWhenTimeToLiveZeroThenNamesKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new UserSessionProperties(Duration.ZERO, Duration.ofSeconds(3), Duration.ofHours(12)))
			.withMessageStartingWith("lanyard.token-broker.user-session-token-time-to-live must be");
	}

	@Test
	void userSessionPropertiesWhenWaitTooLongThenNamesKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> new UserSessionProperties(Duration.ofHours(1), Duration.ofMinutes(5), Duration.ofHours(12)))
			.withMessageStartingWith("lanyard.token-broker.user-wait-timeout must be");
	}

}
