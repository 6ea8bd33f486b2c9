package dev.lanyard.audit.ledger.domain;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The log's state as a C2SP checkpoint body: {@code <origin>\n<size>\n<base64 root>\n}.
 *
 * @param origin the log's name
 * @param size how many leaves
 * @param rootHash MTH(D[0:size])
 */
public record Checkpoint(String origin, long size, byte[] rootHash) {

	public Checkpoint {
		if (origin == null || origin.isBlank() || origin.contains("\n")) {
			throw new IllegalArgumentException("origin must be one non-blank line");
		}
		if (size < 0) {
			throw new IllegalArgumentException("size cannot be negative");
		}
		if (rootHash == null || rootHash.length != MerkleHashes.LENGTH) {
			throw new IllegalArgumentException("rootHash must be 32 bytes");
		}
		rootHash = rootHash.clone();
	}

	@Override
	public byte[] rootHash() {
		return this.rootHash.clone();
	}

	/** The note text that is signed. */
	public String body() {
		return this.origin + "\n" + this.size + "\n" + Base64.getEncoder().encodeToString(this.rootHash) + "\n";
	}

	/**
	 * Reads a checkpoint body (extension lines after the root are not expected).
	 * @throws IllegalArgumentException when it is not one
	 */
	public static Checkpoint parse(String body) {
		if (body == null || !body.endsWith("\n")) {
			throw new IllegalArgumentException("checkpoint body must end with a newline");
		}
		String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
		if (lines.length != 3 || !lines[1].matches("0|[1-9][0-9]{0,18}")) {
			throw new IllegalArgumentException("checkpoint body must be origin, size and root hash");
		}
		byte[] root = Base64.getDecoder().decode(lines[2]);
		if (!Base64.getEncoder().encodeToString(root).equals(lines[2])) {
			throw new IllegalArgumentException("checkpoint root hash is not canonical base64");
		}
		return new Checkpoint(lines[0], Long.parseLong(lines[1]), root);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Checkpoint that && this.origin.equals(that.origin) && this.size == that.size
				&& Arrays.equals(this.rootHash, that.rootHash);
	}

	@Override
	public int hashCode() {
		return 31 * this.origin.hashCode() + Long.hashCode(this.size);
	}

	@Override
	public String toString() {
		return "Checkpoint[" + this.origin + ", " + this.size + ", " + HexFormat.of().formatHex(this.rootHash) + "]";
	}

}
