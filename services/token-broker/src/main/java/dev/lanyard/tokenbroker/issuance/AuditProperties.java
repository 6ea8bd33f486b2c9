package dev.lanyard.tokenbroker.issuance;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a token request waits for its audit record.
 *
 * @param auditAckTimeout {@code lanyard.token-broker.audit-ack-timeout}: the longest a
 * token request waits for Kafka to acknowledge its TokenIssued event before it is refused
 * with 503; also bounds the producer's delivery and blocking timeouts
 * @param auditUnreadyFor {@code lanyard.token-broker.audit-unready-for}: how long after a
 * TokenIssued event was not acknowledged the instance reports itself not ready (so
 * traffic moves to one that can get its events acknowledged), unless a later one is
 * acknowledged first; after it, traffic comes back and tries again
 */
@ConfigurationProperties("lanyard.token-broker")
public record AuditProperties(@DefaultValue("PT5S") Duration auditAckTimeout,
		@DefaultValue("PT15S") Duration auditUnreadyFor) {

	public AuditProperties {
		if (auditAckTimeout == null || auditAckTimeout.toMillis() < 100
				|| auditAckTimeout.compareTo(Duration.ofMinutes(2)) > 0) {
			throw new IllegalArgumentException(
					"lanyard.token-broker.audit-ack-timeout must be between 100 ms and 2 minutes, was "
							+ auditAckTimeout);
		}
		if (auditUnreadyFor == null || auditUnreadyFor.isNegative()
				|| auditUnreadyFor.compareTo(Duration.ofMinutes(10)) > 0) {
			throw new IllegalArgumentException(
					"lanyard.token-broker.audit-unready-for must be between 0 and 10 minutes, was " + auditUnreadyFor);
		}
	}

}
