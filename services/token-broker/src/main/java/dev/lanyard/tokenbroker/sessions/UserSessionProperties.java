package dev.lanyard.tokenbroker.sessions;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * User session tokens.
 *
 * @param userSessionTokenTimeToLive
 * {@code lanyard.token-broker.user-session-token-time-to-live}: their lifetime (default 5
 * minutes: a leaked one is worth little for long, and the gateway mints another on
 * demand)
 * @param userWaitTimeout {@code lanyard.token-broker.user-wait-timeout}: how long a
 * request waits for the user (at the gateway's version) to reach the read model, and for
 * its sign-in
 * @param browserSessionMaxAge {@code lanyard.token-broker.browser-session-max-age}: the
 * longest a browser session lives (the gateway's absolute timeout): a token is minted
 * only for a session whose sign-in is at most this old
 */
@ConfigurationProperties("lanyard.token-broker")
public record UserSessionProperties(@DefaultValue("PT5M") Duration userSessionTokenTimeToLive,
		@DefaultValue("PT3S") Duration userWaitTimeout, @DefaultValue("PT12H") Duration browserSessionMaxAge) {

	public UserSessionProperties {
		if (browserSessionMaxAge == null || browserSessionMaxAge.toMinutes() < 1
				|| browserSessionMaxAge.compareTo(Duration.ofDays(7)) > 0) {
			throw new IllegalArgumentException(
					"lanyard.token-broker.browser-session-max-age must be between 1 minute and 7 days, was "
							+ browserSessionMaxAge);
		}
		if (userSessionTokenTimeToLive == null || userSessionTokenTimeToLive.toSeconds() < 1
				|| userSessionTokenTimeToLive.compareTo(Duration.ofHours(24)) > 0) {
			throw new IllegalArgumentException(
					"lanyard.token-broker.user-session-token-time-to-live must be between 1 second and 24 hours, was "
							+ userSessionTokenTimeToLive);
		}
		if (userWaitTimeout == null || userWaitTimeout.isNegative()
				|| userWaitTimeout.compareTo(Duration.ofSeconds(30)) > 0) {
			throw new IllegalArgumentException(
					"lanyard.token-broker.user-wait-timeout must be between 0 and 30 seconds, was " + userWaitTimeout);
		}
	}

}
