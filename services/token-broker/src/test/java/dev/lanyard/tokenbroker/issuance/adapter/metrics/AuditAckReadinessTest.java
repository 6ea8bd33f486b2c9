package dev.lanyard.tokenbroker.issuance.adapter.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AuditAckReadinessTest {

	private static final Instant START = Instant.parse("2026-12-05T10:00:00Z");

	@Test
	void healthWhenUnacknowledgedThenOutOfServiceUntilTheHoldEnds() {
		MovingClock clock = new MovingClock();
		AuditAckReadiness readiness = new AuditAckReadiness(clock, Duration.ofSeconds(15));
		readiness.unacknowledged();

		assertThat(readiness.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		clock.now = START.plusSeconds(14);
		assertThat(readiness.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		clock.now = START.plusSeconds(15);
		assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void healthWhenAcknowledgedAfterAFailureThenUp() {
		AuditAckReadiness readiness = new AuditAckReadiness(Clock.fixed(START, ZoneOffset.UTC), Duration.ofSeconds(15));
		readiness.unacknowledged();
		readiness.acknowledged();

		assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void auditAckReadinessWhenClockNullThenNamesIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AuditAckReadiness(null, Duration.ZERO))
			.withMessage("clock cannot be null");
	}

	private static final class MovingClock extends Clock {

		Instant now = START;

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
