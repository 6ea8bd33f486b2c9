package dev.lanyard.tokenbroker.clients.domain;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A freshly generated client secret: 32 random bytes, URL-safe base64 without padding (43
 * characters). Shown once to whoever registered or rotated it, then only its hash is
 * kept.
 *
 * @param value the secret itself
 */
public record ClientSecret(String value) {

	private static final int BYTES = 32;

	private static final SecureRandom RANDOM = new SecureRandom();

	public ClientSecret {
		if (value == null || value.isEmpty()) {
			throw new IllegalArgumentException("value cannot be empty");
		}
	}

	public static ClientSecret generate() {
		byte[] bytes = new byte[BYTES];
		RANDOM.nextBytes(bytes);
		return new ClientSecret(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
	}

	/**
	 * Never the value: records print their components, and this one must not be logged.
	 */
	@Override
	public String toString() {
		return "ClientSecret[value=<redacted>]";
	}

}
