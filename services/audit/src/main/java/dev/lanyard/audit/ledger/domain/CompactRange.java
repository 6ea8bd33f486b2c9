package dev.lanyard.audit.ledger.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * The right edge of a growing log: the complete subtrees that make up {@code [0, size)},
 * largest first. Appending a leaf yields the complete subtrees it closes, which the store
 * keeps so that proofs need no recomputation.
 */
public final class CompactRange {

	private final Deque<Node> edge = new ArrayDeque<>();

	private long size;

	private CompactRange(long size) {
		this.size = size;
	}

	/** An empty log. */
	public static CompactRange empty() {
		return new CompactRange(0);
	}

	/** The edge of a log of {@code size} leaves, read from its stored subtrees. */
	public static CompactRange of(long size, NodeSource nodes) {
		if (size < 0) {
			throw new IllegalArgumentException("size cannot be negative");
		}
		if (nodes == null) {
			throw new IllegalArgumentException("nodes cannot be null");
		}
		CompactRange range = new CompactRange(size);
		long start = 0;
		for (int level = 62; level >= 0; level--) {
			long width = 1L << level;
			if ((size & width) != 0) {
				range.edge.addLast(new Node(level, start >> level, nodes.node(level, start >> level)));
				start += width;
			}
		}
		return range;
	}

	/** Where complete subtrees of a log of {@code size} leaves are, largest first. */
	public static List<Node> coordinates(long size) {
		List<Node> coordinates = new ArrayList<>();
		long start = 0;
		for (int level = 62; level >= 0; level--) {
			if ((size & (1L << level)) != 0) {
				coordinates.add(new Node(level, start >> level, null));
				start += 1L << level;
			}
		}
		return coordinates;
	}

	/**
	 * Appends a leaf.
	 * @return the subtrees of level 1 and above that it completes, smallest first
	 */
	public List<Node> append(byte[] leafHash) {
		if (leafHash == null || leafHash.length != MerkleHashes.LENGTH) {
			throw new IllegalArgumentException("leafHash must be 32 bytes");
		}
		List<Node> completed = new ArrayList<>();
		Node current = new Node(0, this.size, leafHash);
		while (!this.edge.isEmpty() && this.edge.peekLast().level() == current.level()) {
			Node left = this.edge.removeLast();
			current = new Node(current.level() + 1, left.index() >> 1, MerkleHashes.node(left.hash(), current.hash()));
			completed.add(current);
		}
		this.edge.addLast(current);
		this.size++;
		return completed;
	}

	public long size() {
		return this.size;
	}

	/** MTH(D[0:size]). */
	public byte[] root() {
		if (this.edge.isEmpty()) {
			return MerkleHashes.EMPTY_ROOT.clone();
		}
		Iterator<Node> fromRight = this.edge.descendingIterator();
		byte[] root = fromRight.next().hash();
		while (fromRight.hasNext()) {
			root = MerkleHashes.node(fromRight.next().hash(), root);
		}
		return root;
	}

	/**
	 * A complete subtree.
	 *
	 * @param level its height (0 for a leaf)
	 * @param index its position among the subtrees of its level
	 * @param hash its hash
	 */
	public record Node(int level, long index, byte[] hash) {
	}

}
