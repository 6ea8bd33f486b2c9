package dev.lanyard.audit.ledger;

import java.time.Duration;

import dev.lanyard.audit.ledger.application.AppendToLog;
import dev.lanyard.audit.ledger.application.SignCheckpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs the appender, then the signer, every {@code append-interval}: one after the other
 * on one thread, each in its own transaction. A failure is logged and the next run tries
 * again; nothing is lost, since the events wait in {@code ledger_pending}.
 */
final class LedgerSchedule implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(LedgerSchedule.class);

	private final AppendToLog append;

	private final SignCheckpoint sign;

	private final Duration interval;

	LedgerSchedule(AppendToLog append, SignCheckpoint sign, Duration interval) {
		if (append == null || sign == null || interval == null) {
			throw new IllegalArgumentException("append, sign and interval cannot be null");
		}
		this.append = append;
		this.sign = sign;
		this.interval = interval;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::run, this.interval);
	}

	void run() {
		try {
			long appended = this.append.appendPending();
			if (appended > 0) {
				log.debug("Appended {} events to the audit log", appended);
			}
			this.sign.signIfDue()
				.ifPresent((checkpoint) -> log.info("Signed audit log checkpoint at size {}", checkpoint.size()));
		}
		catch (RuntimeException ex) {
			log.warn("Audit log append or checkpoint failed, will retry: {}", ex.getMessage());
		}
	}

}
