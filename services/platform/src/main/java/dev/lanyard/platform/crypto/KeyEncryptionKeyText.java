package dev.lanyard.platform.crypto;

import java.util.Base64;
import java.util.Optional;

/**
 * A 256-bit key-encryption key as operators write it in a setting or a key file: base64,
 * standard or URL-safe, padding optional (what {@code openssl rand -base64 32} prints).
 */
public final class KeyEncryptionKeyText {

	/** Bytes of an AES-256 key. */
	public static final int KEY_BYTES = 32;

	private KeyEncryptionKeyText() {
	}

	/**
	 * The key's bytes.
	 * @param value the setting's text, may be {@code null}
	 * @return the 32 bytes, or empty when {@code value} is absent, not base64 or not 32
	 * bytes long
	 */
	public static Optional<byte[]> decode(String value) {
		if (value == null) {
			return Optional.empty();
		}
		try {
			byte[] bytes = (value.contains("-") || value.contains("_")) ? Base64.getUrlDecoder().decode(value)
					: Base64.getDecoder().decode(value);
			return (bytes.length == KEY_BYTES) ? Optional.of(bytes) : Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
