package dev.lanyard.tokenbroker.keys.adapter.schedule;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.tokenbroker.keys.application.SigningKeyRotation;

import org.springframework.context.SmartLifecycle;

/**
 * Runs {@link SigningKeyRotation#maintain()} every refresh interval while the service
 * runs. A failed run (database unreachable, a row refused) is logged and the keys stay as
 * they were until a later run succeeds.
 */
public final class SigningKeyMaintenanceSchedule implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SigningKeyMaintenanceSchedule.class);

	private final SigningKeyRotation rotation;

	private final Duration interval;

	private volatile ScheduledExecutorService executor;

	public SigningKeyMaintenanceSchedule(SigningKeyRotation rotation, Duration interval) {
		if (rotation == null) {
			throw new IllegalArgumentException("rotation cannot be null");
		}
		if (interval == null || interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("interval must be positive");
		}
		this.rotation = rotation;
		this.interval = interval;
	}

	@Override
	public void start() {
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(
				Thread.ofPlatform().name("signing-key-maintenance").daemon(true).factory());
		// right away too: a key that came due while no instance ran is rotated at start
		started.scheduleWithFixedDelay(this::runOnce, 0, this.interval.toMillis(), TimeUnit.MILLISECONDS);
		this.executor = started;
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = this.executor;
		this.executor = null;
		if (running != null) {
			running.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

	private void runOnce() {
		try {
			this.rotation.maintain();
		}
		catch (RuntimeException ex) {
			log.warn("Signing key maintenance failed, keys unchanged until the next run: {}", ex.getMessage());
		}
	}

}
