package dev.lanyard.tokenbroker.external;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Calls to external token endpoints and integration-registry, and the cache of the
 * external tokens they return (service-account and viewer alike).
 *
 * @param integrationRegistryUrl {@code lanyard.token-broker.integration-registry-url}:
 * where client secrets are fetched ({@code GET
 * /internal/integrations/{id}/client-secret})
 * @param externalTimeout {@code lanyard.token-broker.external-timeout}: the longest one
 * call to an external token endpoint or integration-registry may take
 * @param externalRetryAttempts {@code lanyard.token-broker.external-retry-attempts}:
 * attempts per call, counting the first (only transport errors, timeouts and 5xx are
 * retried)
 * @param externalRetryBackoff {@code lanyard.token-broker.external-retry-backoff}: pause
 * before the first retry, doubling after
 * @param circuitBreakerFailureRate
 * {@code lanyard.token-broker.circuit-breaker-failure-rate}: percentage of failed calls
 * (of the last {@code circuit-breaker-window}) that opens an integration's circuit
 * @param circuitBreakerWindow {@code lanyard.token-broker.circuit-breaker-window}: calls
 * the failure rate is computed over (at least half of them must have happened)
 * @param circuitBreakerOpenDuration
 * {@code lanyard.token-broker.circuit-breaker-open-duration}: how long an open circuit
 * refuses calls before letting one through
 * @param bulkheadMaxConcurrentCalls
 * {@code lanyard.token-broker.bulkhead-max-concurrent-calls}: concurrent calls per
 * integration; more are refused at once with 503
 * @param externalTokenRefreshBeforeExpiry
 * {@code lanyard.token-broker.external-token-refresh-before-expiry}: a cached external
 * token is no longer handed out when less than this is left
 * @param externalTokenCacheMaximumSize
 * {@code lanyard.token-broker.external-token-cache-maximum-size}: cached tokens
 * (integration × scope set)
 * @param allowPrivateEndpoints {@code lanyard.token-broker.allow-private-endpoints}:
 * development only: external token endpoints may resolve to loopback, private,
 * link-local, unique-local and carrier-grade NAT addresses (a local OAuth provider);
 * metadata services and reserved ranges stay refused
 */
@ConfigurationProperties("lanyard.token-broker")
public record ExternalServicesProperties(@DefaultValue("http://127.0.0.1:8083") URI integrationRegistryUrl,
		@DefaultValue("PT2S") Duration externalTimeout, @DefaultValue("3") int externalRetryAttempts,
		@DefaultValue("PT0.1S") Duration externalRetryBackoff, @DefaultValue("50") float circuitBreakerFailureRate,
		@DefaultValue("10") int circuitBreakerWindow, @DefaultValue("PT30S") Duration circuitBreakerOpenDuration,
		@DefaultValue("25") int bulkheadMaxConcurrentCalls,
		@DefaultValue("PT30S") Duration externalTokenRefreshBeforeExpiry,
		@DefaultValue("10000") long externalTokenCacheMaximumSize,
		@DefaultValue("false") boolean allowPrivateEndpoints) {

	public ExternalServicesProperties {
		if (integrationRegistryUrl == null || !integrationRegistryUrl.isAbsolute()
				|| !("http".equals(integrationRegistryUrl.getScheme())
						|| "https".equals(integrationRegistryUrl.getScheme()))) {
			throw new IllegalArgumentException(
					"lanyard.token-broker.integration-registry-url must be an http(s) URL, was "
							+ integrationRegistryUrl);
		}
		requireBetween("external-timeout", externalTimeout, Duration.ofMillis(100), Duration.ofSeconds(30));
		if (externalRetryAttempts < 1 || externalRetryAttempts > 10) {
			throw new IllegalArgumentException(
					"lanyard.token-broker.external-retry-attempts must be between 1 and 10, was "
							+ externalRetryAttempts);
		}
		requireBetween("external-retry-backoff", externalRetryBackoff, Duration.ofMillis(1), Duration.ofSeconds(10));
		if (!(circuitBreakerFailureRate > 0 && circuitBreakerFailureRate <= 100)) {
			throw new IllegalArgumentException(
					"lanyard.token-broker.circuit-breaker-failure-rate must be above 0 and at most 100, was "
							+ circuitBreakerFailureRate);
		}
		if (circuitBreakerWindow < 2 || circuitBreakerWindow > 1000) {
			throw new IllegalArgumentException(
					"lanyard.token-broker.circuit-breaker-window must be between 2 and 1000, was "
							+ circuitBreakerWindow);
		}
		requireBetween("circuit-breaker-open-duration", circuitBreakerOpenDuration, Duration.ofMillis(100),
				Duration.ofHours(1));
		if (bulkheadMaxConcurrentCalls < 1) {
			throw new IllegalArgumentException(
					"lanyard.token-broker.bulkhead-max-concurrent-calls must be positive, was "
							+ bulkheadMaxConcurrentCalls);
		}
		requireBetween("external-token-refresh-before-expiry", externalTokenRefreshBeforeExpiry, Duration.ZERO,
				Duration.ofHours(1));
		if (externalTokenCacheMaximumSize < 1) {
			throw new IllegalArgumentException(
					"lanyard.token-broker.external-token-cache-maximum-size must be positive, was "
							+ externalTokenCacheMaximumSize);
		}
	}

	private static void requireBetween(String key, Duration value, Duration min, Duration max) {
		if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
			throw new IllegalArgumentException(
					"lanyard.token-broker." + key + " must be between " + min + " and " + max + ", was " + value);
		}
	}

}
