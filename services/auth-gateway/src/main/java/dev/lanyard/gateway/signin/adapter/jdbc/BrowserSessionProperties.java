package dev.lanyard.gateway.signin.adapter.jdbc;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Browser sessions (keys under {@code lanyard.gateway.sessions}).
 *
 * @param idleTimeout how long a session lives without a request
 * @param purgeInterval how often expired sessions are deleted from the database
 */
@ConfigurationProperties("lanyard.gateway.sessions")
public record BrowserSessionProperties(@DefaultValue("30m") Duration idleTimeout,
		@DefaultValue("1m") Duration purgeInterval) {

	public BrowserSessionProperties {
		if (idleTimeout == null || idleTimeout.toSeconds() < 60 || idleTimeout.compareTo(Duration.ofDays(1)) > 0) {
			throw new IllegalArgumentException(
					"lanyard.gateway.sessions.idle-timeout must lie between 1 min and 1 day");
		}
		if (purgeInterval == null || purgeInterval.toSeconds() < 1) {
			throw new IllegalArgumentException("lanyard.gateway.sessions.purge-interval must be at least 1 s");
		}
	}

}
