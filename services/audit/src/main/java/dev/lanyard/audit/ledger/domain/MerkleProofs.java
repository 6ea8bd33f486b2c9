package dev.lanyard.audit.ledger.domain;

import java.security.MessageDigest;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** Checks of RFC 9162 §2.1.3.2 and §2.1.4.2, and of {@link MerkleTree#rangeProof}. */
public final class MerkleProofs {

	private MerkleProofs() {
	}

	/** Whether {@code leafHash} is leaf {@code index} of the tree of {@code size}. */
	public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> path, byte[] root) {
		if (leafHash == null || path == null || root == null) {
			throw new IllegalArgumentException("leafHash, path and root cannot be null");
		}
		if (index < 0 || index >= size) {
			return false;
		}
		long fn = index;
		long sn = size - 1;
		byte[] r = leafHash;
		for (byte[] p : path) {
			if (sn == 0) {
				return false;
			}
			if ((fn & 1) == 1 || fn == sn) {
				r = MerkleHashes.node(p, r);
				while ((fn & 1) == 0 && fn != 0) {
					fn >>= 1;
					sn >>= 1;
				}
			}
			else {
				r = MerkleHashes.node(r, p);
			}
			fn >>= 1;
			sn >>= 1;
		}
		return sn == 0 && MessageDigest.isEqual(r, root);
	}

	/** Whether the tree of {@code second} leaves extends that of {@code first}. */
	public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
			List<byte[]> proof) {
		if (firstRoot == null || secondRoot == null || proof == null) {
			throw new IllegalArgumentException("firstRoot, secondRoot and proof cannot be null");
		}
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
				fr = MerkleHashes.node(c, fr);
				sr = MerkleHashes.node(c, sr);
				while ((fn & 1) == 0 && fn != 0) {
					fn >>= 1;
					sn >>= 1;
				}
			}
			else {
				sr = MerkleHashes.node(sr, c);
			}
			fn >>= 1;
			sn >>= 1;
		}
		return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
	}

	/**
	 * MTH(D[0:size]) from the leaf hashes of {@code [from, to)}, read in order, and a
	 * {@link MerkleTree#rangeProof}; O(log size) memory.
	 * @throws NoSuchElementException when either runs out too early
	 */
	public static byte[] rangeRoot(long from, long to, long size, Iterator<byte[]> proof, Iterator<byte[]> leaves) {
		MerkleTree.requireRange(from, to, size);
		if (size == 0) {
			return MerkleHashes.EMPTY_ROOT.clone();
		}
		return rangeRoot(0, size, from, to, proof, leaves);
	}

	private static byte[] rangeRoot(long lo, long hi, long from, long to, Iterator<byte[]> proof,
			Iterator<byte[]> leaves) {
		if (hi <= from || lo >= to) {
			return proof.next();
		}
		if (hi - lo == 1) {
			return leaves.next();
		}
		long k = MerkleTree.split(hi - lo);
		byte[] left = rangeRoot(lo, lo + k, from, to, proof, leaves);
		return MerkleHashes.node(left, rangeRoot(lo + k, hi, from, to, proof, leaves));
	}

}
