package dev.lanyard.gateway.signin.adapter.tokenbroker;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's own client at token-broker (kind {@code gateway}), used to ask for user
 * session tokens. Keys {@code lanyard.gateway.token-broker-client.*}; without an id and
 * secret, sign-in works but no user session token can be had.
 *
 * @param clientId the client id
 * @param clientSecret its secret
 * @param timeout how long a token request may take
 */
@ConfigurationProperties("lanyard.gateway.token-broker-client")
public record TokenBrokerClientProperties(String clientId, String clientSecret, @DefaultValue("10s") Duration timeout) {

	public TokenBrokerClientProperties {
		boolean hasId = clientId != null && !clientId.isBlank();
		boolean hasSecret = clientSecret != null && !clientSecret.isEmpty();
		if (hasId != hasSecret) {
			throw new IllegalArgumentException(
					"lanyard.gateway.token-broker-client.client-id and .client-secret must be set together");
		}
		if (timeout == null || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("lanyard.gateway.token-broker-client.timeout must be positive");
		}
	}

	public boolean configured() {
		return this.clientId != null && !this.clientId.isBlank();
	}

	@Override
	public String toString() {
		return "TokenBrokerClientProperties[clientId=" + this.clientId + ", clientSecret=(hidden), timeout="
				+ this.timeout + "]";
	}

}
