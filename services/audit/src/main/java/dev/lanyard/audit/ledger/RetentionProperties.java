package dev.lanyard.audit.ledger;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the trail keeps records. Records go in whole UTC days (of {@code occurredAt})
 * once the whole day is older than the period; their leaves stay in the log and each
 * removal is itself a signed record, so verification still passes across it.
 *
 * @param period how long a record is kept; unset: for ever
 * @param interval how often retention looks for a day to remove
 */
@ConfigurationProperties("lanyard.audit.retention")
public record RetentionProperties(Duration period, @DefaultValue("PT1H") Duration interval) {

	public RetentionProperties {
		if (period != null && period.compareTo(Duration.ofDays(1)) < 0) {
			throw new IllegalArgumentException("lanyard.audit.retention.period must be at least P1D (one day)");
		}
		if (interval == null || interval.isZero() || interval.isNegative()) {
			throw new IllegalArgumentException("lanyard.audit.retention.interval must be a positive duration");
		}
	}

}
