package dev.lanyard.integrations.secrets.application;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts client secrets at rest with AES-256-GCM under a key-encryption key (KEK). The
 * cipher knows several KEKs by id: it seals under the active one and opens under
 * whichever sealed a secret, so the active KEK can change while older secrets are
 * re-wrapped. The associated data binds each ciphertext to its integration and KEK id: a
 * ciphertext copied to another integration's row, or altered, does not open.
 */
public final class SecretCipher {

	private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String activeKeyId;

	private final Map<String, SecretKeySpec> keys;

	/**
	 * @param activeKeyId the KEK new secrets are sealed under; one of {@code keys}
	 * @param keys every KEK by id, 32 bytes each
	 */
	public SecretCipher(String activeKeyId, Map<String, byte[]> keys) {
		if (keys == null || keys.isEmpty()) {
			throw new IllegalArgumentException("keys cannot be empty");
		}
		Map<String, SecretKeySpec> specs = new LinkedHashMap<>();
		keys.forEach((id, key) -> {
			if (!isKeyId(id)) {
				throw new IllegalArgumentException("key id must be 1 to 64 of letters, digits, . _ -: " + id);
			}
			if (key == null || key.length != 32) {
				throw new IllegalArgumentException("key " + id + " must be 32 bytes");
			}
			specs.put(id, new SecretKeySpec(key.clone(), "AES"));
		});
		if (activeKeyId == null || !specs.containsKey(activeKeyId)) {
			throw new IllegalArgumentException("activeKeyId must be one of the keys " + specs.keySet());
		}
		this.activeKeyId = activeKeyId;
		this.keys = Map.copyOf(specs);
	}

	public static boolean isKeyId(String id) {
		return id != null && KEY_ID.matcher(id).matches();
	}

	public String activeKeyId() {
		return this.activeKeyId;
	}

	public Set<String> keyIds() {
		return this.keys.keySet();
	}

	/** Seals a secret of an integration under the active KEK. */
	public SealedSecret seal(UUID integrationId, String secret) {
		if (integrationId == null) {
			throw new IllegalArgumentException("integrationId cannot be null");
		}
		if (secret == null) {
			throw new IllegalArgumentException("secret cannot be null");
		}
		try {
			byte[] iv = new byte[IV_BYTES];
			RANDOM.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.keys.get(this.activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(associatedData(integrationId, this.activeKeyId));
			byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
			return new SealedSecret(this.activeKeyId,
					ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not encrypt the client secret of integration " + integrationId, ex);
		}
	}

	/**
	 * Opens a sealed secret of an integration.
	 * @throws SecretUnreadableException when its KEK is not configured, or the ciphertext
	 * was altered or belongs to another integration
	 */
	public String open(UUID integrationId, SealedSecret sealed) {
		if (integrationId == null) {
			throw new IllegalArgumentException("integrationId cannot be null");
		}
		if (sealed == null) {
			throw new IllegalArgumentException("sealed cannot be null");
		}
		SecretKeySpec key = this.keys.get(sealed.keyId());
		if (key == null) {
			throw new SecretUnreadableException("The client secret of integration " + integrationId
					+ " is sealed under key-encryption key " + sealed.keyId() + ", which is not configured");
		}
		byte[] stored = sealed.ciphertext();
		if (stored.length <= IV_BYTES) {
			throw new SecretUnreadableException("The client secret of integration " + integrationId + " is truncated");
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, IV_BYTES));
			cipher.updateAAD(associatedData(integrationId, sealed.keyId()));
			return new String(cipher.doFinal(stored, IV_BYTES, stored.length - IV_BYTES), StandardCharsets.UTF_8);
		}
		catch (AEADBadTagException ex) {
			throw new SecretUnreadableException(
					"The client secret of integration " + integrationId + " does not open under key-encryption key "
							+ sealed.keyId() + ": the key is wrong or the stored secret was altered");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not decrypt the client secret of integration " + integrationId, ex);
		}
	}

	/** Whether a secret sealed this way should be re-wrapped under the active KEK. */
	public boolean needsRewrap(SealedSecret sealed) {
		return !this.activeKeyId.equals(sealed.keyId());
	}

	private static byte[] associatedData(UUID integrationId, String keyId) {
		return ("lanyard-integration-secret|" + integrationId + "|" + keyId).getBytes(StandardCharsets.UTF_8);
	}

}
