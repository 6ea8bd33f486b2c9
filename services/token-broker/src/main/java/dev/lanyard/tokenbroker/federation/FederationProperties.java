package dev.lanyard.tokenbroker.federation;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Identity federation's settings ({@code lanyard.token-broker.federation.*}).
 *
 * @param tokenTimeToLive the lifetime of an issued federated token when the trust rule
 * sets none (never beyond the presented token's {@code exp})
 * @param keysCacheTimeToLive how long an issuer's fetched JWK Set is used
 * @param keysRefreshInterval the least time between two fetches of one issuer's keys (an
 * unknown {@code kid} re-fetches at most this often)
 * @param replayCacheSize the entries of the in-memory front of the {@code jti} cache
 * @param userProvisioningUrl where user-provisioning's internal API is, for rules that
 * create users just in time
 * @param userArrivalTimeout how long a just-in-time user may take to reach the read model
 * after user-provisioning created them (then {@code 503 temporarily_unavailable})
 */
@ConfigurationProperties("lanyard.token-broker.federation")
public record FederationProperties(@DefaultValue("PT10M") Duration tokenTimeToLive,
		@DefaultValue("PT5M") Duration keysCacheTimeToLive, @DefaultValue("PT30S") Duration keysRefreshInterval,
		@DefaultValue("10000") int replayCacheSize, @DefaultValue("http://127.0.0.1:8084") URI userProvisioningUrl,
		@DefaultValue("PT5S") Duration userArrivalTimeout) {

	public FederationProperties {
		if (tokenTimeToLive == null || tokenTimeToLive.isNegative() || tokenTimeToLive.isZero()
				|| tokenTimeToLive.compareTo(Duration.ofHours(1)) > 0) {
			throw new IllegalArgumentException(
					"lanyard.token-broker.federation.token-time-to-live must be positive and at most 1 hour");
		}
		if (keysRefreshInterval == null || keysRefreshInterval.toMillis() < 1000) {
			throw new IllegalArgumentException(
					"lanyard.token-broker.federation.keys-refresh-interval must be at least 1 second");
		}
		if (keysCacheTimeToLive == null || keysCacheTimeToLive.compareTo(keysRefreshInterval) <= 0) {
			throw new IllegalArgumentException("lanyard.token-broker.federation.keys-cache-time-to-live must be longer"
					+ " than keys-refresh-interval");
		}
		if (replayCacheSize < 1) {
			throw new IllegalArgumentException("lanyard.token-broker.federation.replay-cache-size must be positive");
		}
		if (userProvisioningUrl == null || !userProvisioningUrl.isAbsolute()
				|| !("http".equals(userProvisioningUrl.getScheme())
						|| "https".equals(userProvisioningUrl.getScheme()))) {
			throw new IllegalArgumentException(
					"lanyard.token-broker.federation.user-provisioning-url must be an http(s) URL, was "
							+ userProvisioningUrl);
		}
		if (userArrivalTimeout == null || userArrivalTimeout.toMillis() < 100
				|| userArrivalTimeout.compareTo(Duration.ofMinutes(1)) > 0) {
			throw new IllegalArgumentException(
					"lanyard.token-broker.federation.user-arrival-timeout must be between 100 ms and 1 minute");
		}
	}

}
