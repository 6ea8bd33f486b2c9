package dev.lanyard.audit.ledger.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Roots and proofs of RFC 9162 §2.1 over a log whose complete subtrees come from a
 * {@link NodeSource}. Every subtree the RFC's recursion meets is either a complete
 * aligned one (read) or the ragged right edge (computed from O(log n) read ones).
 */
public final class MerkleTree {

	private final NodeSource nodes;

	public MerkleTree(NodeSource nodes) {
		if (nodes == null) {
			throw new IllegalArgumentException("nodes cannot be null");
		}
		this.nodes = nodes;
	}

	/** MTH(D[0:size]). */
	public byte[] root(long size) {
		requireSize(size);
		return (size == 0) ? MerkleHashes.EMPTY_ROOT.clone() : hash(0, size);
	}

	/** PATH(index, D[0:size]), RFC 9162 §2.1.3.1, nearest sibling first. */
	public List<byte[]> inclusionProof(long index, long size) {
		requireSize(size);
		if (index < 0 || index >= size) {
			throw new IllegalArgumentException("index must lie in [0, size)");
		}
		List<byte[]> path = new ArrayList<>();
		path(index, 0, size, path);
		return path;
	}

	/** PROOF(first, D[0:second]), RFC 9162 §2.1.4.1. */
	public List<byte[]> consistencyProof(long first, long second) {
		requireSize(first);
		if (second < first) {
			throw new IllegalArgumentException("second must not be smaller than first");
		}
		List<byte[]> proof = new ArrayList<>();
		if (first > 0 && first < second) {
			subproof(first, 0, second, true, proof);
		}
		return proof;
	}

	/**
	 * The hashes that, with the leaves {@code [from, to)}, give MTH(D[0:size]): those of
	 * the largest subtrees of the RFC's recursion lying wholly outside the range, in
	 * depth-first, left-to-right order. {@link RangeRoot} consumes them in that order.
	 */
	public List<byte[]> rangeProof(long from, long to, long size) {
		requireRange(from, to, size);
		List<byte[]> proof = new ArrayList<>();
		if (size > 0) {
			outside(0, size, from, to, proof);
		}
		return proof;
	}

	/** MTH(D[lo:hi]) for a subtree met in the RFC's recursion. */
	byte[] hash(long lo, long hi) {
		long width = hi - lo;
		if (Long.bitCount(width) == 1 && lo % width == 0) {
			return this.nodes.node(Long.numberOfTrailingZeros(width), lo / width);
		}
		long k = split(width);
		return MerkleHashes.node(hash(lo, lo + k), hash(lo + k, hi));
	}

	private void path(long index, long lo, long hi, List<byte[]> path) {
		if (hi - lo == 1) {
			return;
		}
		long k = split(hi - lo);
		if (index < lo + k) {
			path(index, lo, lo + k, path);
			path.add(hash(lo + k, hi));
		}
		else {
			path(index, lo + k, hi, path);
			path.add(hash(lo, lo + k));
		}
	}

	private void subproof(long m, long lo, long hi, boolean whole, List<byte[]> proof) {
		long width = hi - lo;
		if (m == width) {
			if (!whole) {
				proof.add(hash(lo, hi));
			}
			return;
		}
		long k = split(width);
		if (m <= k) {
			subproof(m, lo, lo + k, whole, proof);
			proof.add(hash(lo + k, hi));
		}
		else {
			subproof(m - k, lo + k, hi, false, proof);
			proof.add(hash(lo, lo + k));
		}
	}

	private void outside(long lo, long hi, long from, long to, List<byte[]> proof) {
		if (hi <= from || lo >= to) {
			proof.add(hash(lo, hi));
			return;
		}
		if (hi - lo == 1) {
			return;
		}
		long k = split(hi - lo);
		outside(lo, lo + k, from, to, proof);
		outside(lo + k, hi, from, to, proof);
	}

	/** The largest power of two smaller than {@code width} (RFC 9162's k), width > 1. */
	static long split(long width) {
		return Long.highestOneBit(width - 1);
	}

	static void requireRange(long from, long to, long size) {
		requireSize(size);
		if (from < 0 || to < from || to > size) {
			throw new IllegalArgumentException("range must satisfy 0 <= from <= to <= size");
		}
	}

	private static void requireSize(long size) {
		if (size < 0) {
			throw new IllegalArgumentException("size cannot be negative");
		}
	}

}
