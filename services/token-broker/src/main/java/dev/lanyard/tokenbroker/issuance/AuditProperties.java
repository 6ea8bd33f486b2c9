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
 */
@ConfigurationProperties("lanyard.token-broker")
public record AuditProperties(@DefaultValue("PT5S") Duration auditAckTimeout) {

	public AuditProperties {
		if (auditAckTimeout == null || auditAckTimeout.toMillis() < 100
				|| auditAckTimeout.compareTo(Duration.ofMinutes(2)) > 0) {
			throw new IllegalArgumentException(
					"lanyard.token-broker.audit-ack-timeout must be between 100 ms and 2 minutes, was "
							+ auditAckTimeout);
		}
	}

}
