package dev.lanyard.tokenbroker.keys.application;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Protects secrets at rest (signing keys, refresh tokens, PKCE verifiers): AES-256-GCM
 * under the key-encryption key, with the row's identity as associated data (so a row's
 * material cannot be swapped into another), or nothing when no key-encryption key is
 * configured (development only). With a key, a row marked unencrypted is refused: the
 * service never writes one then, so it was planted or downgraded.
 */
public final class KeyMaterialCipher {

	/** Marker of unencrypted material. */
	public static final String NONE = "none";

	/** Marker of AES-256-GCM-encrypted material: 12-byte IV, then ciphertext and tag. */
	public static final String A256GCM = "A256GCM";

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String KEY_SETTING = "lanyard.token-broker.key-encryption.key";

	private static final String PLAINTEXT_SETTING = "lanyard.token-broker.key-encryption.allow-plaintext";

	private final SecretKeySpec key;

	private final boolean acceptPlaintext;

	private KeyMaterialCipher(SecretKeySpec key, boolean acceptPlaintext) {
		this.key = key;
		this.acceptPlaintext = acceptPlaintext;
	}

	/** A cipher that stores material in the clear. */
	public static KeyMaterialCipher none() {
		return new KeyMaterialCipher(null, true);
	}

	/** A cipher that encrypts with the given 256-bit key. */
	public static KeyMaterialCipher aes256Gcm(byte[] key) {
		if (key == null || key.length != 32) {
			throw new IllegalArgumentException("key must be 32 bytes");
		}
		return new KeyMaterialCipher(new SecretKeySpec(key.clone(), "AES"), false);
	}

	/**
	 * This cipher, also reading rows stored in the clear (while a database written
	 * without a key is migrated); it still writes sealed.
	 */
	public KeyMaterialCipher acceptingPlaintext() {
		return new KeyMaterialCipher(this.key, true);
	}

	/** How {@link #seal} protects material: {@link #A256GCM} or {@link #NONE}. */
	public String encryption() {
		return (this.key != null) ? A256GCM : NONE;
	}

	/**
	 * @param kid the row's identity, bound to the material as associated data
	 * @param material the secret
	 * @return what to store
	 */
	public byte[] seal(String kid, String material) {
		byte[] plain = material.getBytes(StandardCharsets.UTF_8);
		if (this.key == null) {
			return plain;
		}
		try {
			byte[] iv = new byte[IV_BYTES];
			RANDOM.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(plain);
			byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
			System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
			return out;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not encrypt " + kid, ex);
		}
	}

	/**
	 * @param kid the row's identity, as sealed
	 * @param encryption the row's marker: {@link #A256GCM} or {@link #NONE}
	 * @param stored what was stored
	 * @return the secret
	 * @throws UnencryptedMaterialException when the row is marked unencrypted although a
	 * key is set (and plaintext is not accepted)
	 */
	public String open(String kid, String encryption, byte[] stored) {
		if (NONE.equals(encryption)) {
			if (this.key != null && !this.acceptPlaintext) {
				throw new UnencryptedMaterialException(
						kid + " is stored unencrypted although " + KEY_SETTING + " is set: refused (set "
								+ PLAINTEXT_SETTING + "=true only to migrate a database" + " written without a key)");
			}
			return new String(stored, StandardCharsets.UTF_8);
		}
		if (!A256GCM.equals(encryption)) {
			throw new IllegalStateException(kid + " uses unknown key encryption " + encryption);
		}
		if (this.key == null) {
			throw new IllegalStateException(kid + " is encrypted, but " + KEY_SETTING + " is not set");
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, stored, 0, IV_BYTES));
			cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
			return new String(cipher.doFinal(stored, IV_BYTES, stored.length - IV_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(
					"Could not decrypt " + kid + ": wrong " + KEY_SETTING + ", or the stored value was altered", ex);
		}
	}

}
