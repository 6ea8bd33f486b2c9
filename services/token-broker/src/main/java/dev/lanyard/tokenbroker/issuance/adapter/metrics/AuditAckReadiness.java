package dev.lanyard.tokenbroker.issuance.adapter.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Readiness of an instance to hand out credentials: not ready for a while after a
 * TokenIssued event was not acknowledged, so a load balancer moves traffic to an instance
 * that can get its events acknowledged (every request here would be refused with 503
 * anyway). Ready again as soon as an event is acknowledged, or once the hold is over,
 * when traffic comes back to try again — no event is sent to find out.
 */
public final class AuditAckReadiness implements HealthIndicator {

	private final Clock clock;

	private final Duration unreadyFor;

	private volatile Instant unacknowledgedAt;

	public AuditAckReadiness(Clock clock, Duration unreadyFor) {
		if (clock == null) {
			throw new IllegalArgumentException("clock cannot be null");
		}
		if (unreadyFor == null || unreadyFor.isNegative()) {
			throw new IllegalArgumentException("unreadyFor cannot be null or negative");
		}
		this.clock = clock;
		this.unreadyFor = unreadyFor;
	}

	/**
	 * An event was acknowledged: ready. Only a read on the hot path while all is well.
	 */
	void acknowledged() {
		if (this.unacknowledgedAt != null) {
			this.unacknowledgedAt = null;
		}
	}

	/** An event was not acknowledged in time. */
	void unacknowledged() {
		this.unacknowledgedAt = this.clock.instant();
	}

	@Override
	public Health health() {
		Instant since = this.unacknowledgedAt;
		if (since != null && this.clock.instant().isBefore(since.plus(this.unreadyFor))) {
			return Health.outOfService()
				.withDetail("reason", "a TokenIssued event was not acknowledged by Kafka")
				.withDetail("unacknowledgedAt", since.toString())
				.build();
		}
		return Health.up().build();
	}

}
