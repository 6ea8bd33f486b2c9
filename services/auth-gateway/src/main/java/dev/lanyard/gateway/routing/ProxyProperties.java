package dev.lanyard.gateway.routing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the gateway waits for the services behind it.
 *
 * @param connectTimeout to open a connection (key
 * {@code lanyard.gateway.proxy.connect-timeout}, default 2 s); a service that cannot be
 * reached is a 502 problem
 * @param responseTimeout for the answer's headers once the request is sent (key
 * {@code lanyard.gateway.proxy.response-timeout}, default 30 s); then a 504 problem
 * @param instanceDownFor how long an instance of a service with several (token-broker)
 * that refused a connection is passed over (key
 * {@code lanyard.gateway.proxy.instance-down-for}, default 5 s)
 */
@ConfigurationProperties("lanyard.gateway.proxy")
public record ProxyProperties(@DefaultValue("2s") Duration connectTimeout,
		@DefaultValue("30s") Duration responseTimeout, @DefaultValue("5s") Duration instanceDownFor) {

	public ProxyProperties {
		requirePositive("lanyard.gateway.proxy.connect-timeout", connectTimeout);
		requirePositive("lanyard.gateway.proxy.response-timeout", responseTimeout);
		requirePositive("lanyard.gateway.proxy.instance-down-for", instanceDownFor);
	}

	private static void requirePositive(String key, Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(key + " must be a positive duration, e.g. 2s");
		}
	}

}
