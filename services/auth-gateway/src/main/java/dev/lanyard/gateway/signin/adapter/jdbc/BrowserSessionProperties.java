package dev.lanyard.gateway.signin.adapter.jdbc;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Browser sessions (keys under {@code lanyard.gateway.sessions}).
 *
 * @param idleTimeout how long a session lives without a request
 * @param purgeInterval how often expired sessions are deleted from the database
 * @param absoluteTimeout how long a session lives at most, however active: a stolen
 * cookie stops working then, and the person signs in again
 */
@ConfigurationProperties("lanyard.gateway.sessions")
public record BrowserSessionProperties(@DefaultValue("30m") Duration idleTimeout,
		@DefaultValue("1m") Duration purgeInterval, @DefaultValue("12h") Duration absoluteTimeout) {

	public BrowserSessionProperties {
		if (idleTimeout == null || idleTimeout.toSeconds() < 60 || idleTimeout.compareTo(Duration.ofDays(1)) > 0) {
			throw new IllegalArgumentException(
					"lanyard.gateway.sessions.idle-timeout must lie between 1 min and 1 day");
		}
		if (absoluteTimeout == null || absoluteTimeout.compareTo(idleTimeout) < 0
				|| absoluteTimeout.compareTo(Duration.ofDays(7)) > 0) {
			throw new IllegalArgumentException(
					"lanyard.gateway.sessions.absolute-timeout must lie between the idle timeout and 7 days");
		}
		if (purgeInterval == null || purgeInterval.toSeconds() < 1) {
			throw new IllegalArgumentException("lanyard.gateway.sessions.purge-interval must be at least 1 s");
		}
	}

}
