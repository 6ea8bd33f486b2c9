package dev.lanyard.tokenbroker.clients;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The cache of registered clients in front of the database.
 *
 * @param timeToLive {@code lanyard.token-broker.client-cache.time-to-live}: how long an
 * entry is used; the longest a change made through another instance takes to show here
 * @param maximumSize {@code lanyard.token-broker.client-cache.maximum-size}: entries kept
 */
@ConfigurationProperties("lanyard.token-broker.client-cache")
public record ClientCacheProperties(@DefaultValue("PT30S") Duration timeToLive,
		@DefaultValue("10000") long maximumSize) {

	public ClientCacheProperties {
		if (timeToLive == null || timeToLive.isNegative() || timeToLive.compareTo(Duration.ofHours(1)) > 0) {
			throw new IllegalArgumentException(
					"lanyard.token-broker.client-cache.time-to-live must be between 0 and 1 hour, was " + timeToLive);
		}
		if (maximumSize < 1) {
			throw new IllegalArgumentException(
					"lanyard.token-broker.client-cache.maximum-size must be positive, was " + maximumSize);
		}
	}

}
