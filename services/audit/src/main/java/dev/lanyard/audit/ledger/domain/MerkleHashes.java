package dev.lanyard.audit.ledger.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The two hashes of RFC 9162 §2.1.1: SHA-256 with a one-byte domain separator. */
public final class MerkleHashes {

	/** SHA-256 of the empty string: the root of the empty tree. */
	public static final byte[] EMPTY_ROOT = sha256(new byte[0]);

	public static final int LENGTH = 32;

	private MerkleHashes() {
	}

	public static byte[] leaf(byte[] data) {
		if (data == null) {
			throw new IllegalArgumentException("data cannot be null");
		}
		MessageDigest digest = digest();
		digest.update((byte) 0x00);
		return digest.digest(data);
	}

	public static byte[] node(byte[] left, byte[] right) {
		if (left == null || right == null) {
			throw new IllegalArgumentException("left and right cannot be null");
		}
		MessageDigest digest = digest();
		digest.update((byte) 0x01);
		digest.update(left);
		return digest.digest(right);
	}

	static byte[] sha256(byte[] data) {
		return digest().digest(data);
	}

	private static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
