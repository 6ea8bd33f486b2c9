package dev.lanyard.tokenbroker.clients;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The one client that may ask for user session tokens: auth-gateway's. It comes from the
 * deployment's settings only (the admin API refuses to create one), so an administrator
 * token cannot mint a client that speaks for any user. Both or neither must be set;
 * without them no user session token is issued.
 *
 * @param gatewayClientId {@code lanyard.token-broker.gateway-client-id}
 * @param gatewayClientSecret {@code lanyard.token-broker.gateway-client-secret}, at least
 * 32 characters
 */
@ConfigurationProperties("lanyard.token-broker")
public record GatewayClientProperties(String gatewayClientId, String gatewayClientSecret) {

	public static final int MINIMUM_SECRET_LENGTH = 32;

	public GatewayClientProperties {
		boolean id = gatewayClientId != null && !gatewayClientId.isBlank();
		boolean secret = gatewayClientSecret != null && !gatewayClientSecret.isEmpty();
		if (id != secret) {
			throw new IllegalArgumentException("lanyard.token-broker.gateway-client-id and "
					+ "lanyard.token-broker.gateway-client-secret must be set together");
		}
		if (secret && gatewayClientSecret.length() < MINIMUM_SECRET_LENGTH) {
			throw new IllegalArgumentException("lanyard.token-broker.gateway-client-secret must be at least "
					+ MINIMUM_SECRET_LENGTH + " characters (a long random value)");
		}
	}

	public boolean enabled() {
		return this.gatewayClientId != null && !this.gatewayClientId.isBlank();
	}

	@Override
	public String toString() {
		return "GatewayClientProperties[gatewayClientId=" + this.gatewayClientId + ", gatewayClientSecret=<redacted>]";
	}

}
