package dev.lanyard.tokenbroker.config;

import java.util.Base64;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key that encrypts signing keys at rest.
 *
 * @param keyEncryptionKey {@code lanyard.token-broker.key-encryption-key}: 32 bytes in
 * base64 (standard or URL-safe); unset stores private keys unencrypted (with a warning)
 */
@ConfigurationProperties("lanyard.token-broker")
public record KeyEncryptionProperties(String keyEncryptionKey) {

	public KeyEncryptionProperties {
		if (keyEncryptionKey != null && !keyEncryptionKey.isEmpty() && decode(keyEncryptionKey) == null) {
			throw new IllegalArgumentException(
					"lanyard.token-broker.key-encryption-key must be 32 bytes encoded in base64");
		}
	}

	/** The key's 32 bytes, or {@code null} when none is configured. */
	public byte[] keyBytes() {
		return (this.keyEncryptionKey == null || this.keyEncryptionKey.isEmpty()) ? null
				: decode(this.keyEncryptionKey);
	}

	private static byte[] decode(String value) {
		try {
			byte[] bytes = (value.contains("-") || value.contains("_")) ? Base64.getUrlDecoder().decode(value)
					: Base64.getDecoder().decode(value);
			return (bytes.length == 32) ? bytes : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	@Override
	public String toString() {
		return "KeyEncryptionProperties[keyEncryptionKey=" + ((keyBytes() != null) ? "<redacted>" : "<unset>") + "]";
	}

}
