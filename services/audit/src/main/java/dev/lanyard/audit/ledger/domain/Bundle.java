package dev.lanyard.audit.ledger.domain;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines of a verification bundle (NDJSON, each line canonical JSON): a header, the
 * checkpoints, the consistency proof between them, the range proof, then one line per
 * record with its leaf index, the leaf hash the log stored and the leaf data itself
 * (exactly the bytes hashed; {@code null} when the record is gone). The stand-alone
 * verifier reads this format.
 */
public final class Bundle {

	public static final String TYPE = "lanyard-audit-bundle";

	public static final int VERSION = 1;

	private Bundle() {
	}

	public static String header(String origin, NoteKey key, long from, long to, long treeSize) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("type", TYPE);
		line.put("version", VERSION);
		line.put("origin", origin);
		line.put("verifierKey", key.verifierKey());
		line.put("from", from);
		line.put("to", to);
		line.put("treeSize", treeSize);
		return write(line);
	}

	public static String checkpoint(String note) {
		return write(Map.of("type", "checkpoint", "note", note));
	}

	public static String consistency(long from, long to, List<byte[]> proof) {
		return write(Map.of("type", "consistency", "from", from, "to", to, "proof", base64(proof)));
	}

	public static String range(List<byte[]> proof) {
		return write(Map.of("type", "range", "proof", base64(proof)));
	}

	/**
	 * A retention record and its inclusion proof in the bundle's latest checkpoint: it
	 * says which leaves' records retention removed, so the verifier accepts those leaves
	 * without their records (and no others).
	 */
	public static String retention(long leafIndex, byte[] leafHash, byte[] leafData, List<byte[]> inclusionProof) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("type", "retention");
		line.put("i", leafIndex);
		line.put("h", Base64.getEncoder().encodeToString(leafHash));
		line.put("d", new CanonicalJson.Raw(new String(leafData, StandardCharsets.UTF_8)));
		line.put("proof", base64(inclusionProof));
		return write(line);
	}

	/**
	 * @param leafData the record's leaf data, or null when the record is missing
	 */
	public static String record(long leafIndex, byte[] leafHash, byte[] leafData) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("type", "record");
		line.put("i", leafIndex);
		line.put("h", Base64.getEncoder().encodeToString(leafHash));
		line.put("d", (leafData != null) ? new CanonicalJson.Raw(new String(leafData, StandardCharsets.UTF_8)) : null);
		return write(line);
	}

	private static List<String> base64(List<byte[]> hashes) {
		return hashes.stream().map(Base64.getEncoder()::encodeToString).toList();
	}

	private static String write(Map<String, Object> line) {
		StringBuilder out = new StringBuilder();
		CanonicalJson.write(line, out);
		return out.append('\n').toString();
	}

}
