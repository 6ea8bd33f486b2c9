package dev.lanyard.audit;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the audit service, validated at start-up.
 *
 * @param issuer the {@code iss} every caller's JWT must carry (key
 * {@code lanyard.audit.issuer}, the gateway's public address)
 * @param jwkSetUri where token-broker publishes its signing keys (key
 * {@code lanyard.audit.jwk-set-uri})
 * @param retry how consuming backs off while a failure that a retry can cure lasts (the
 * database or the registry being unreachable)
 */
@ConfigurationProperties("lanyard.audit")
public record AuditProperties(@DefaultValue("http://127.0.0.1:8080") URI issuer,
		@DefaultValue("http://127.0.0.1:8081/oauth2/jwks") URI jwkSetUri, @DefaultValue Retry retry) {

	public AuditProperties {
		requireHttpUrl(issuer, "lanyard.audit.issuer");
		requireHttpUrl(jwkSetUri, "lanyard.audit.jwk-set-uri");
		if (retry == null) {
			throw new IllegalArgumentException("lanyard.audit.retry cannot be null");
		}
	}

	private static void requireHttpUrl(URI url, String key) {
		if (url == null) {
			throw new IllegalArgumentException(key + " must be set");
		}
		if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
			throw new IllegalArgumentException(key + " must be an absolute http or https URL: " + url);
		}
	}

	/**
	 * Back-off between attempts; retries never stop while the failure lasts.
	 *
	 * @param initialInterval first pause (key
	 * {@code lanyard.audit.retry.initial-interval})
	 * @param maxInterval longest pause (key {@code lanyard.audit.retry.max-interval});
	 * keep it well below the consumer's {@code max.poll.interval.ms}
	 */
	public record Retry(@DefaultValue("PT0.5S") Duration initialInterval, @DefaultValue("PT30S") Duration maxInterval) {

		public Retry {
			requirePositive(initialInterval, "lanyard.audit.retry.initial-interval");
			requirePositive(maxInterval, "lanyard.audit.retry.max-interval");
			if (maxInterval.compareTo(initialInterval) < 0) {
				throw new IllegalArgumentException(
						"lanyard.audit.retry.max-interval must not be shorter than lanyard.audit.retry.initial-interval");
			}
			if (maxInterval.compareTo(Duration.ofMinutes(4)) > 0) {
				throw new IllegalArgumentException(
						"lanyard.audit.retry.max-interval must be at most PT4M (below the consumer's max.poll.interval.ms)");
			}
		}

		private static void requirePositive(Duration duration, String key) {
			if (duration == null || duration.isZero() || duration.isNegative()) {
				throw new IllegalArgumentException(key + " must be a positive duration");
			}
		}

	}

}
