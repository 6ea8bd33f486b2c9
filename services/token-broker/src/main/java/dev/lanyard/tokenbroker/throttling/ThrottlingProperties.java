package dev.lanyard.tokenbroker.throttling;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Failed client authentications at {@code /oauth2/token} (keys under
 * {@code lanyard.token-broker.throttling}).
 *
 * @param window the period failures are counted in
 * @param failuresPerClient failures of one client id within the window before it waits
 * for the window's end
 * @param failuresPerAddress failures from one source address within the window before it
 * waits
 * @param federationFailuresPerAddress refused identity-federation requests (no client
 * authentication, so no other budget applies) from one source address within the window
 * before it waits; generous, as a CI fleet behind one NAT shares an address
 * @param trustedProxies socket addresses whose {@code X-Lanyard-Client-Address} header
 * names the caller (auth-gateway's); from anyone else the header is ignored
 */
@ConfigurationProperties("lanyard.token-broker.throttling")
public record ThrottlingProperties(@DefaultValue("PT1M") Duration window, @DefaultValue("10") int failuresPerClient,
		@DefaultValue("100") int failuresPerAddress, @DefaultValue("100") int federationFailuresPerAddress,
		@DefaultValue List<String> trustedProxies) {

	public ThrottlingProperties {
		trustedProxies = (trustedProxies != null) ? List.copyOf(trustedProxies) : List.of();
		if (window == null || window.toSeconds() < 1 || window.compareTo(Duration.ofHours(1)) > 0) {
			throw new IllegalArgumentException("lanyard.token-broker.throttling.window must lie between 1 s and 1 h");
		}
		if (failuresPerClient < 1) {
			throw new IllegalArgumentException(
					"lanyard.token-broker.throttling.failures-per-client must be at least 1");
		}
		if (failuresPerAddress < 1) {
			throw new IllegalArgumentException(
					"lanyard.token-broker.throttling.failures-per-address must be at least 1");
		}
		if (federationFailuresPerAddress < 1) {
			throw new IllegalArgumentException(
					"lanyard.token-broker.throttling.federation-failures-per-address must be at least 1");
		}
	}

}
