package dev.lanyard.gateway.signin.adapter.tokenbroker;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's own client at token-broker (kind {@code gateway}), used to ask for user
 * session tokens. Keys {@code lanyard.gateway.token-broker-client.*}; without an id,
 * sign-in works but no user session token can be had.
 *
 * @param clientId the client id
 * @param clientSecret its secret, or
 * @param clientSecretFile a file holding it, read when it changes (the launcher writes it
 * once token-broker has issued the secret)
 * @param timeout how long a token request may take
 */
@ConfigurationProperties("lanyard.gateway.token-broker-client")
public record TokenBrokerClientProperties(String clientId, String clientSecret, Path clientSecretFile,
		@DefaultValue("10s") Duration timeout) {

	private static final String PREFIX = "lanyard.gateway.token-broker-client.";

	public TokenBrokerClientProperties {
		boolean hasId = clientId != null && !clientId.isBlank();
		boolean hasSecret = clientSecret != null && !clientSecret.isEmpty();
		if (hasId && hasSecret == (clientSecretFile != null)) {
			throw new IllegalArgumentException(
					PREFIX + "client-id needs exactly one of " + PREFIX + "client-secret and client-secret-file");
		}
		if (!hasId && (hasSecret || clientSecretFile != null)) {
			throw new IllegalArgumentException(PREFIX + "client-secret is set but " + PREFIX + "client-id is not");
		}
		if (timeout == null || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException(PREFIX + "timeout must be positive");
		}
	}

	public boolean configured() {
		return this.clientId != null && !this.clientId.isBlank();
	}

	@Override
	public String toString() {
		return "TokenBrokerClientProperties[clientId=" + this.clientId + ", clientSecret=(hidden), clientSecretFile="
				+ this.clientSecretFile + ", timeout=" + this.timeout + "]";
	}

}
