package dev.lanyard.integrations.secrets.application;

/**
 * A stored client secret cannot be decrypted: its key-encryption key is missing, or the
 * ciphertext was altered. No retry helps until the configuration is fixed.
 */
public final class SecretUnreadableException extends RuntimeException {

	public SecretUnreadableException(String message) {
		super(message);
	}

}
