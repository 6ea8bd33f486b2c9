package dev.lanyard.audit.ledger.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A C2SP signed-note verifier key for Ed25519 (algorithm byte 0x01): its name, the key
 * and the 4-byte key hash SHA-256(name || 0x0A || 0x01 || key) that signature lines
 * carry.
 *
 * @param name the key's name (the log's origin, by convention)
 * @param publicKey the Ed25519 public key
 */
public record NoteKey(String name, PublicKey publicKey) {

	static final byte ED25519 = 0x01;

	/** The X.509 encoding of an Ed25519 key is this prefix and the 32 key bytes. */
	private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

	public NoteKey {
		if (name == null || name.isEmpty() || name.chars().anyMatch((c) -> c <= ' ' || c == '+')) {
			throw new IllegalArgumentException("name must be non-empty without spaces or '+'");
		}
		if (publicKey == null
				|| !"EdDSA".equals(publicKey.getAlgorithm()) && !"Ed25519".equals(publicKey.getAlgorithm())) {
			throw new IllegalArgumentException("publicKey must be an Ed25519 key");
		}
	}

	/** The 32 bytes of the key as RFC 8032 encodes it. */
	public byte[] rawKey() {
		byte[] encoded = this.publicKey.getEncoded();
		return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
	}

	public byte[] keyHash() {
		byte[] name = this.name.getBytes(StandardCharsets.UTF_8);
		byte[] input = new byte[name.length + 2 + 32];
		System.arraycopy(name, 0, input, 0, name.length);
		input[name.length] = '\n';
		input[name.length + 1] = ED25519;
		System.arraycopy(rawKey(), 0, input, name.length + 2, 32);
		return Arrays.copyOf(MerkleHashes.sha256(input), 4);
	}

	/** {@code <name>+<hex key hash>+<base64(0x01 || key)>}, as C2SP publishes a key. */
	public String verifierKey() {
		byte[] typed = new byte[33];
		typed[0] = ED25519;
		System.arraycopy(rawKey(), 0, typed, 1, 32);
		return this.name + "+" + HexFormat.of().formatHex(keyHash()) + "+" + Base64.getEncoder().encodeToString(typed);
	}

	/** Reads a verifier key string, checking its key hash. */
	public static NoteKey parse(String verifierKey) {
		if (verifierKey == null) {
			throw new IllegalArgumentException("verifierKey cannot be null");
		}
		String[] parts = verifierKey.split("\\+", 3);
		if (parts.length != 3) {
			throw new IllegalArgumentException("verifierKey must be name+hash+key");
		}
		byte[] typed = Base64.getDecoder().decode(parts[2]);
		if (typed.length != 33 || typed[0] != ED25519) {
			throw new IllegalArgumentException("verifierKey must hold an Ed25519 key");
		}
		NoteKey key = new NoteKey(parts[0], publicKey(Arrays.copyOfRange(typed, 1, 33)));
		if (!HexFormat.of().formatHex(key.keyHash()).equals(parts[1])) {
			throw new IllegalArgumentException("verifierKey's hash does not match its name and key");
		}
		return key;
	}

	/** Whether {@code signature} (64 bytes) signs {@code text} under this key. */
	public boolean verifies(String text, byte[] signature) {
		try {
			Signature verifier = Signature.getInstance("Ed25519");
			verifier.initVerify(this.publicKey);
			verifier.update(text.getBytes(StandardCharsets.UTF_8));
			return verifier.verify(signature);
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	static PublicKey publicKey(byte[] raw) {
		byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + 32);
		System.arraycopy(raw, 0, encoded, X509_PREFIX.length, 32);
		try {
			return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("not an Ed25519 public key", ex);
		}
	}

}
