package dev.lanyard.audit.ledger;

import java.time.Duration;

import dev.lanyard.audit.ledger.application.ApplyRetention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Runs retention now and then; a failed run is retried on the next. */
final class RetentionSchedule implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);

	private final ApplyRetention retention;

	private final Duration interval;

	RetentionSchedule(ApplyRetention retention, Duration interval) {
		if (retention == null || interval == null) {
			throw new IllegalArgumentException("retention and interval cannot be null");
		}
		this.retention = retention;
		this.interval = interval;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::run, this.interval);
	}

	void run() {
		try {
			for (ApplyRetention.Removal removal : this.retention.run()) {
				log.info("Retention removed the {} records of {} (UTC); their leaves and a retention record stay",
						removal.records(), removal.day());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Audit retention failed, will retry: {}", ex.getMessage());
		}
	}

}
