package dev.lanyard.provisioning.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a change waits for Kafka.
 *
 * @param ackTimeout the longest a sign-in or admin request waits for Kafka to acknowledge
 * its events before the change is rolled back (503 for a request, retry for a sign-in);
 * also bounds the producer's delivery and blocking timeouts (key
 * {@code lanyard.provisioning.events.ack-timeout})
 */
@ConfigurationProperties("lanyard.provisioning.events")
public record EventProperties(@DefaultValue("PT5S") Duration ackTimeout) {

	public EventProperties {
		Settings.requireBetween(ackTimeout, Duration.ofMillis(100), Duration.ofMinutes(2),
				"lanyard.provisioning.events.ack-timeout");
	}

}
