package dev.lanyard.audit.ledger.domain;

/**
 * Hashes of complete, aligned subtrees of the log: level 0 is the leaf hashes, the node
 * at {@code level} and {@code index} covers leaves
 * {@code [index * 2^level, (index + 1) * 2^level)}. Every hash a proof needs is one of
 * these or is computed from them, so a store that keeps them answers proofs in O(log n).
 */
@FunctionalInterface
public interface NodeSource {

	byte[] node(int level, long index);

}
