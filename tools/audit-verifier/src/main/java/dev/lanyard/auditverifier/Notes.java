package dev.lanyard.auditverifier;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/** C2SP signed notes and checkpoints with an Ed25519 verifier key. */
final class Notes {

	private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

	private Notes() {
	}

	/**
	 * A verifier key {@code <name>+<hex key hash>+<base64(0x01 || key)>}.
	 *
	 * @param name the key's name
	 * @param keyHash its 4-byte hash
	 * @param publicKey the key
	 */
	record Key(String name, byte[] keyHash, PublicKey publicKey) {

		static Key parse(String text) {
			String[] parts = text.split("\\+", 3);
			if (parts.length != 3 || parts[0].isEmpty()) {
				throw new IllegalArgumentException("a verifier key is name+hash+key");
			}
			byte[] typed = Strict.base64(parts[2]);
			if (typed.length != 33 || typed[0] != 0x01) {
				throw new IllegalArgumentException("the verifier key is not an Ed25519 key");
			}
			byte[] raw = Arrays.copyOfRange(typed, 1, 33);
			byte[] name = parts[0].getBytes(StandardCharsets.UTF_8);
			byte[] hashed = new byte[name.length + 2 + 32];
			System.arraycopy(name, 0, hashed, 0, name.length);
			hashed[name.length] = '\n';
			hashed[name.length + 1] = 0x01;
			System.arraycopy(raw, 0, hashed, name.length + 2, 32);
			byte[] keyHash = Arrays.copyOf(Merkle.sha256(hashed), 4);
			if (!HexFormat.of().formatHex(keyHash).equals(parts[1])) {
				throw new IllegalArgumentException("the verifier key's hash does not match its name and key");
			}
			byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + 32);
			System.arraycopy(raw, 0, encoded, X509_PREFIX.length, 32);
			try {
				return new Key(parts[0], keyHash,
						KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded)));
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalArgumentException("the verifier key is not an Ed25519 key");
			}
		}

	}

	/**
	 * A checkpoint's body.
	 *
	 * @param origin the log
	 * @param size its size
	 * @param root its root hash
	 */
	record Checkpoint(String origin, long size, byte[] root) {
	}

	/**
	 * The checkpoint a signed note states, if {@code key} signed it.
	 * @throws IllegalArgumentException saying what is wrong
	 */
	static Checkpoint open(String note, Key key) {
		int split = note.lastIndexOf("\n\n");
		if (split < 0 || !note.endsWith("\n")) {
			throw new IllegalArgumentException("the note has no signature");
		}
		String text = note.substring(0, split + 1);
		String[] signatures = note.substring(split + 2, note.length() - 1).split("\n", -1);
		boolean signed = false;
		for (String line : signatures) {
			String prefix = "\u2014 " + key.name() + " ";
			if (!line.startsWith(prefix)) {
				throw new IllegalArgumentException("the note carries a signature line by another key");
			}
			byte[] decoded = Strict.base64(line.substring(prefix.length()));
			signed |= decoded.length == 68 && Arrays.equals(Arrays.copyOf(decoded, 4), key.keyHash())
					&& verifies(key.publicKey(), text, Arrays.copyOfRange(decoded, 4, 68));
		}
		if (!signed) {
			throw new IllegalArgumentException("the note's signature does not verify with key " + key.name());
		}
		String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
		if (lines.length != 3 || !lines[1].matches("0|[1-9][0-9]{0,17}")) {
			throw new IllegalArgumentException("the note is not a checkpoint");
		}
		return new Checkpoint(lines[0], Long.parseLong(lines[1]), Strict.hash(lines[2]));
	}

	private static boolean verifies(PublicKey key, String text, byte[] signature) {
		try {
			Signature verifier = Signature.getInstance("Ed25519");
			verifier.initVerify(key);
			verifier.update(text.getBytes(StandardCharsets.UTF_8));
			return verifier.verify(signature);
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	/** Decoding that accepts one spelling per value, so that no byte goes unnoticed. */
	static final class Strict {

		private Strict() {
		}

		static byte[] base64(String text) {
			byte[] bytes = Base64.getDecoder().decode(text);
			if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
				throw new IllegalArgumentException("not canonical base64");
			}
			return bytes;
		}

		static byte[] hash(String text) {
			byte[] bytes = base64(text);
			if (bytes.length != 32) {
				throw new IllegalArgumentException("a hash is 32 bytes");
			}
			return bytes;
		}

	}

}
