package dev.lanyard.tokenbroker.integrations;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The in-memory cache of the integration read model.
 *
 * @param timeToLive {@code lanyard.token-broker.integration-cache.time-to-live}: how long
 * an entry is used; the longest a change consumed by another instance takes to show here
 * @param maximumSize {@code lanyard.token-broker.integration-cache.maximum-size}
 */
@ConfigurationProperties("lanyard.token-broker.integration-cache")
public record IntegrationCacheProperties(@DefaultValue("PT5S") Duration timeToLive,
		@DefaultValue("10000") long maximumSize) {

	public IntegrationCacheProperties {
		if (timeToLive == null || timeToLive.isNegative() || timeToLive.compareTo(Duration.ofMinutes(10)) > 0) {
			throw new IllegalArgumentException(
					"lanyard.token-broker.integration-cache.time-to-live must be between 0 and 10 minutes, was "
							+ timeToLive);
		}
		if (maximumSize < 1) {
			throw new IllegalArgumentException(
					"lanyard.token-broker.integration-cache.maximum-size must be positive, was " + maximumSize);
		}
	}

}
