package dev.lanyard.tokenbroker.keys.application;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Protects private key material at rest: AES-256-GCM under the key-encryption key, with
 * the key id as associated data (so a row's material cannot be swapped into another), or
 * nothing when no key-encryption key is configured.
 */
public final class KeyMaterialCipher {

	/** Marker of unencrypted material. */
	public static final String NONE = "none";

	/** Marker of AES-256-GCM-encrypted material: 12-byte IV, then ciphertext and tag. */
	public static final String A256GCM = "A256GCM";

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKeySpec key;

	private KeyMaterialCipher(byte[] key) {
		this.key = (key != null) ? new SecretKeySpec(key, "AES") : null;
	}

	/** A cipher that stores material in the clear. */
	public static KeyMaterialCipher none() {
		return new KeyMaterialCipher(null);
	}

	/** A cipher that encrypts with the given 256-bit key. */
	public static KeyMaterialCipher aes256Gcm(byte[] key) {
		if (key == null || key.length != 32) {
			throw new IllegalArgumentException("key must be 32 bytes");
		}
		return new KeyMaterialCipher(key.clone());
	}

	/** How {@link #seal} protects material: {@link #A256GCM} or {@link #NONE}. */
	public String encryption() {
		return (this.key != null) ? A256GCM : NONE;
	}

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
			throw new IllegalStateException("Could not encrypt signing key " + kid, ex);
		}
	}

	public String open(String kid, String encryption, byte[] stored) {
		if (NONE.equals(encryption)) {
			return new String(stored, StandardCharsets.UTF_8);
		}
		if (!A256GCM.equals(encryption)) {
			throw new IllegalStateException("Signing key " + kid + " uses unknown key encryption " + encryption);
		}
		if (this.key == null) {
			throw new IllegalStateException(
					"Signing key " + kid + " is encrypted, but lanyard.token-broker.key-encryption-key is not set");
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, stored, 0, IV_BYTES));
			cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
			return new String(cipher.doFinal(stored, IV_BYTES, stored.length - IV_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not decrypt signing key " + kid
					+ ": wrong lanyard.token-broker.key-encryption-key, or the stored key was altered", ex);
		}
	}

}
