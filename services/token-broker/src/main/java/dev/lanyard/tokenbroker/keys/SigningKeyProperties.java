package dev.lanyard.tokenbroker.keys;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rotation of the signing keys.
 *
 * @param rotationPeriod {@code lanyard.token-broker.signing-keys.rotation-period}: age at
 * which the active key is replaced (1 hour … 365 days)
 * @param refreshInterval {@code lanyard.token-broker.signing-keys.refresh-interval}: how
 * often each instance checks whether rotation is due, drops expired keys and reads the
 * keys again (1 second … 10 minutes); another instance signs with a rotated-out key for
 * at most this long
 */
@ConfigurationProperties("lanyard.token-broker.signing-keys")
public record SigningKeyProperties(@DefaultValue("P30D") Duration rotationPeriod,
		@DefaultValue("PT1M") Duration refreshInterval) {

	public SigningKeyProperties {
		if (rotationPeriod == null || rotationPeriod.compareTo(Duration.ofHours(1)) < 0
				|| rotationPeriod.compareTo(Duration.ofDays(365)) > 0) {
			throw new IllegalArgumentException(
					"lanyard.token-broker.signing-keys.rotation-period must be between 1 hour and 365 days, was "
							+ rotationPeriod);
		}
		if (refreshInterval == null || refreshInterval.toSeconds() < 1
				|| refreshInterval.compareTo(Duration.ofMinutes(10)) > 0) {
			throw new IllegalArgumentException(
					"lanyard.token-broker.signing-keys.refresh-interval must be between 1 second and 10 minutes, was "
							+ refreshInterval);
		}
	}

}
