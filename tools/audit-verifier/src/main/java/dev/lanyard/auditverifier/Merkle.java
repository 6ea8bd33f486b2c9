package dev.lanyard.auditverifier;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Iterator;
import java.util.List;

/**
 * RFC 9162 §2.1 hashing and the checks the verifier needs. Written again here, not shared
 * with the audit service, on purpose: the verifier is the independent check.
 */
final class Merkle {

	static final byte[] EMPTY_ROOT = sha256(new byte[0]);

	private Merkle() {
	}

	static byte[] leaf(byte[] data) {
		MessageDigest digest = digest();
		digest.update((byte) 0x00);
		return digest.digest(data);
	}

	static byte[] node(byte[] left, byte[] right) {
		MessageDigest digest = digest();
		digest.update((byte) 0x01);
		digest.update(left);
		return digest.digest(right);
	}

	/**
	 * RFC 9162 §2.1.3.2: whether {@code leafHash} is leaf {@code index} of the tree of
	 * {@code size}.
	 */
	static boolean included(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
		if (index < 0 || index >= size) {
			return false;
		}
		long node = index;
		long last = size - 1;
		byte[] hash = leafHash;
		for (byte[] sibling : proof) {
			if (last == 0) {
				return false;
			}
			boolean rightChild = (node & 1) == 1 || node == last;
			if (rightChild) {
				hash = node(sibling, hash);
				// climb past the levels where this node has no right sibling
				while ((node & 1) == 0 && node != 0) {
					node >>= 1;
					last >>= 1;
				}
			}
			else {
				hash = node(hash, sibling);
			}
			node >>= 1;
			last >>= 1;
		}
		return last == 0 && MessageDigest.isEqual(hash, root);
	}

	/** RFC 9162 §2.1.4.2. */
	static boolean consistent(long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
		if (first < 0 || second < first) {
			return false;
		}
		if (first == second) {
			return proof.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
		}
		if (first == 0) {
			return proof.isEmpty();
		}
		if (proof.isEmpty()) {
			return false;
		}
		Iterator<byte[]> path = proof.iterator();
		byte[] seed = (Long.bitCount(first) == 1) ? firstRoot : path.next();
		long fn = first - 1;
		long sn = second - 1;
		while ((fn & 1) == 1) {
			fn >>= 1;
			sn >>= 1;
		}
		byte[] fr = seed;
		byte[] sr = seed;
		while (path.hasNext()) {
			byte[] c = path.next();
			if (sn == 0) {
				return false;
			}
			if ((fn & 1) == 1 || fn == sn) {
				fr = node(c, fr);
				sr = node(c, sr);
				while ((fn & 1) == 0 && fn != 0) {
					fn >>= 1;
					sn >>= 1;
				}
			}
			else {
				sr = node(sr, c);
			}
			fn >>= 1;
			sn >>= 1;
		}
		return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
	}

	/**
	 * MTH(D[0:size]) from the leaves {@code [from, to)} pulled in order and the hashes of
	 * the subtrees outside the range in depth-first order (the bundle's range proof).
	 */
	static byte[] rangeRoot(long from, long to, long size, Iterator<byte[]> proof, Iterator<byte[]> leaves) {
		return (size == 0) ? EMPTY_ROOT : rangeRoot(0, size, from, to, proof, leaves);
	}

	private static byte[] rangeRoot(long lo, long hi, long from, long to, Iterator<byte[]> proof,
			Iterator<byte[]> leaves) {
		if (hi <= from || lo >= to) {
			return proof.next();
		}
		if (hi - lo == 1) {
			return leaves.next();
		}
		long k = Long.highestOneBit(hi - lo - 1);
		byte[] left = rangeRoot(lo, lo + k, from, to, proof, leaves);
		return node(left, rangeRoot(lo + k, hi, from, to, proof, leaves));
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
