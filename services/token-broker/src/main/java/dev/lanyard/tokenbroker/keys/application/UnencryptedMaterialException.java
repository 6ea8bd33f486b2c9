package dev.lanyard.tokenbroker.keys.application;

/**
 * A row says its secret is stored in the clear although a key-encryption key is set. The
 * service never writes such a row then, so someone else did: refused, never used.
 */
public final class UnencryptedMaterialException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	public UnencryptedMaterialException(String message) {
		super(message);
	}

}
