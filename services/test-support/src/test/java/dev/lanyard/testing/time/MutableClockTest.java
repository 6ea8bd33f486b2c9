package dev.lanyard.testing.time;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MutableClockTest {

	private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	@Test
	void advanceWhenCalledThenInstantMovesByThatMuch() {
		MutableClock clock = new MutableClock(NOW);

		clock.advance(Duration.ofSeconds(61));

		assertThat(clock.instant()).isEqualTo(NOW.plusSeconds(61));
		assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
	}

	@Test
	void withZoneWhenCalledThenRefused() {
		MutableClock clock = new MutableClock(NOW);

		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> clock.withZone(ZoneId.of("Europe/Paris")));
	}

}
