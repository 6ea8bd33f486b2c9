package dev.lanyard.integrations.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of integration-registry, validated at start-up; a bad one stops the service
 * with a message naming its key.
 *
 * @param issuer the {@code iss} every caller's JWT must carry, token-broker's issuer (key
 * {@code lanyard.integrations.issuer})
 * @param jwkSetUri where token-broker publishes its signing keys (key
 * {@code lanyard.integrations.jwk-set-uri})
 * @param allowPrivateEndpoints development only: accept endpoints on private, loopback
 * and link-local addresses, and {@code http} to loopback (key
 * {@code lanyard.integrations.allow-private-endpoints})
 * @param publishAckTimeout how long a change waits for Kafka to acknowledge its snapshot
 * before it is rolled back (key {@code lanyard.integrations.publish-ack-timeout})
 * @param connectionTestTimeout bound of each call the connection test makes (key
 * {@code lanyard.integrations.connection-test-timeout})
 * @param keyEncryption the keys that encrypt client secrets at rest
 */
@ConfigurationProperties("lanyard.integrations")
public record IntegrationsProperties(@DefaultValue("http://127.0.0.1:8080") URI issuer,
		@DefaultValue("http://127.0.0.1:8081/oauth2/jwks") URI jwkSetUri,
		@DefaultValue("false") boolean allowPrivateEndpoints, @DefaultValue("PT5S") Duration publishAckTimeout,
		@DefaultValue("PT5S") Duration connectionTestTimeout, @DefaultValue KeyEncryption keyEncryption) {

	public IntegrationsProperties {
		requireHttpUrl(issuer, "lanyard.integrations.issuer");
		requireHttpUrl(jwkSetUri, "lanyard.integrations.jwk-set-uri");
		requireBetween(publishAckTimeout, Duration.ofMillis(100), Duration.ofMinutes(2),
				"lanyard.integrations.publish-ack-timeout");
		requireBetween(connectionTestTimeout, Duration.ofMillis(100), Duration.ofMinutes(1),
				"lanyard.integrations.connection-test-timeout");
		if (keyEncryption == null) {
			throw new IllegalArgumentException("lanyard.integrations.key-encryption cannot be null");
		}
	}

	/**
	 * Key-encryption keys (KEKs): AES-256 keys by id, from configuration and/or a key
	 * file. Secrets are sealed under the active one; the others only open older secrets
	 * until they are re-wrapped.
	 *
	 * @param keys {@code <id>:<base64 of 32 bytes>} entries (key
	 * {@code lanyard.integrations.key-encryption.keys}, comma-separated in an environment
	 * variable)
	 * @param keyFile a file of {@code <id>=<base64 of 32 bytes>} lines (key
	 * {@code lanyard.integrations.key-encryption.key-file})
	 * @param activeKeyId the id of the KEK new secrets are sealed under; may be left out
	 * when there is exactly one (key
	 * {@code lanyard.integrations.key-encryption.active-key-id})
	 * @param generateKeyFile development convenience: create {@code key-file} with one
	 * new random key when it does not exist (key
	 * {@code lanyard.integrations.key-encryption.generate-key-file})
	 * @param rewrapOnStartUp re-wrap secrets sealed under other KEKs at start-up (key
	 * {@code lanyard.integrations.key-encryption.rewrap-on-start-up})
	 */
	public record KeyEncryption(@DefaultValue List<String> keys, String keyFile, String activeKeyId,
			@DefaultValue("false") boolean generateKeyFile, @DefaultValue("true") boolean rewrapOnStartUp) {

		public KeyEncryption {
			keys = (keys != null) ? List.copyOf(keys) : List.of();
			if (generateKeyFile && (keyFile == null || keyFile.isBlank())) {
				throw new IllegalArgumentException(
						"lanyard.integrations.key-encryption.generate-key-file needs lanyard.integrations.key-encryption.key-file");
			}
		}

		@Override
		public String toString() {
			return "KeyEncryption[keys=<" + this.keys.size() + " redacted>, keyFile=" + this.keyFile + ", activeKeyId="
					+ this.activeKeyId + ", generateKeyFile=" + this.generateKeyFile + ", rewrapOnStartUp="
					+ this.rewrapOnStartUp + "]";
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

	private static void requireBetween(Duration value, Duration min, Duration max, String key) {
		if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
			throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", was " + value);
		}
	}

}
