package dev.lanyard.tokenbroker.keys;

import dev.lanyard.platform.crypto.KeyEncryptionKeyText;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key that seals signing keys, viewers' refresh tokens and PKCE verifiers at rest.
 * Without one the service does not start, unless plaintext is explicitly allowed.
 *
 * @param key {@code lanyard.token-broker.key-encryption.key}: 32 bytes in base64
 * (standard or URL-safe, padding optional)
 * @param allowPlaintext {@code lanyard.token-broker.key-encryption.allow-plaintext}:
 * development switch; without a key, secrets are stored unencrypted (with a warning);
 * with a key, rows stored unencrypted are still read (to migrate a database written
 * without a key) instead of refused
 */
@ConfigurationProperties("lanyard.token-broker.key-encryption")
public record KeyEncryptionProperties(String key, boolean allowPlaintext) {

	public KeyEncryptionProperties {
		boolean set = key != null && !key.isBlank();
		if (set && KeyEncryptionKeyText.decode(key).isEmpty()) {
			throw new IllegalArgumentException(
					"lanyard.token-broker.key-encryption.key must be 32 bytes encoded in base64");
		}
		if (!set && !allowPlaintext) {
			throw new IllegalArgumentException("lanyard.token-broker.key-encryption.key is not set: set it (env"
					+ " LANYARD_TOKEN_BROKER_KEY_ENCRYPTION_KEY) to 32 random bytes in base64, e.g. `openssl rand"
					+ " -base64 32`, or, for development only, lanyard.token-broker.key-encryption.allow-plaintext=true"
					+ " to store signing keys, refresh tokens and PKCE verifiers unencrypted");
		}
	}

	/** The key's 32 bytes, or {@code null} when none is configured. */
	public byte[] keyBytes() {
		return (this.key == null || this.key.isBlank()) ? null : KeyEncryptionKeyText.decode(this.key).orElse(null);
	}

	@Override
	public String toString() {
		return "KeyEncryptionProperties[key=" + ((keyBytes() != null) ? "<redacted>" : "<unset>") + ", allowPlaintext="
				+ this.allowPlaintext + "]";
	}

}
