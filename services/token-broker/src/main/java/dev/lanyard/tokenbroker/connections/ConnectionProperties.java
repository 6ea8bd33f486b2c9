package dev.lanyard.tokenbroker.connections;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The viewer connect flow.
 *
 * @param connectAttemptTimeToLive
 * {@code lanyard.token-broker.connect-attempt-time-to-live}: how long a started connect
 * flow (its state and PKCE verifier) waits for the provider's callback
 */
@ConfigurationProperties("lanyard.token-broker")
public record ConnectionProperties(@DefaultValue("PT10M") Duration connectAttemptTimeToLive) {

	public ConnectionProperties {
		if (connectAttemptTimeToLive == null || connectAttemptTimeToLive.compareTo(Duration.ofMinutes(1)) < 0
				|| connectAttemptTimeToLive.compareTo(Duration.ofHours(1)) > 0) {
			throw new IllegalArgumentException(
					"lanyard.token-broker.connect-attempt-time-to-live must be between 1 minute and 1 hour, was "
							+ connectAttemptTimeToLive);
		}
	}

}
