package dev.lanyard.auditverifier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Reads a bundle line by line and checks, in this order: the header; every checkpoint's
 * signature; the consistency of the earlier checkpoint with the latest; then each record
 * in turn (its place, its leaf hash recomputed from its leaf data) while rebuilding the
 * latest root from the records and the range proof. Memory is O(log n) whatever the
 * number of records.
 */
final class BundleCheck {

	private static final Set<String> HEADER = Set.of("type", "version", "origin", "verifierKey", "from", "to",
			"treeSize");

	private static final Set<String> RECORD = Set.of("type", "i", "h", "d");

	private final Lines lines;

	private final String givenKey;

	private final PrintStream warnings;

	private long expected;

	/**
	 * Leaf ranges [first, last] whose records retention removed, from signed retention
	 * records.
	 */
	private final List<long[]> pruned = new ArrayList<>();

	private long prunedSeen;

	BundleCheck(Lines lines, String givenKey, PrintStream warnings) {
		this.lines = lines;
		this.givenKey = givenKey;
		this.warnings = warnings;
	}

	/**
	 * @param exitCode {@link AuditVerifier#OK}, {@link AuditVerifier#TAMPERED} or
	 * {@link AuditVerifier#UNREADABLE}
	 * @param message what was found
	 */
	record Result(int exitCode, String message) {
	}

	Result check() throws IOException {
		Json.Parsed header;
		try {
			String first = this.lines.next();
			if (first == null) {
				return new Result(AuditVerifier.UNREADABLE, "the file is empty");
			}
			header = Json.object(first);
			requireMembers(header, HEADER, "the header");
			if (!"lanyard-audit-bundle".equals(header.members().get("type"))
					|| !Long.valueOf(1).equals(header.members().get("version"))) {
				throw new IllegalArgumentException("not a lanyard-audit-bundle of version 1");
			}
		}
		catch (IllegalArgumentException ex) {
			return new Result(AuditVerifier.UNREADABLE, "line 1 is not a bundle header: " + ex.getMessage());
		}
		Notes.Key key;
		try {
			key = Notes.Key.parse((this.givenKey != null) ? this.givenKey : text(header, "verifierKey"));
		}
		catch (IllegalArgumentException ex) {
			return new Result((this.givenKey != null) ? AuditVerifier.UNREADABLE : AuditVerifier.TAMPERED,
					"the verifier key: " + ex.getMessage());
		}
		try {
			if (this.givenKey == null) {
				this.warnings.println("WARNING: checking against the key the bundle carries (" + key.name()
						+ "); compare it with the published one (GET /api/audit/ledger/public-key) or pass --key");
			}
			else if (!this.givenKey.equals(header.members().get("verifierKey"))) {
				throw new Tampered("the bundle names another verifier key than the one given");
			}
			return check(header, key);
		}
		catch (Tampered ex) {
			return new Result(AuditVerifier.TAMPERED, ex.getMessage());
		}
		catch (IllegalArgumentException ex) {
			return new Result(AuditVerifier.TAMPERED, "line " + this.lines.number() + ": " + ex.getMessage());
		}
	}

	private Result check(Json.Parsed header, Notes.Key key) throws IOException, Tampered {
		String origin = text(header, "origin");
		long from = number(header, "from");
		long to = number(header, "to");
		long size = number(header, "treeSize");
		if (from < 0 || to < from || to > size) {
			throw new Tampered("the header's range [" + from + ", " + to + ") does not lie in the log of size " + size);
		}
		Notes.Checkpoint first = checkpoint(next("a checkpoint"), key, origin);
		Json.Parsed line = next("the range proof");
		Notes.Checkpoint latest = first;
		if ("checkpoint".equals(line.members().get("type"))) {
			latest = checkpoint(line, key, origin);
			Json.Parsed consistency = next("the consistency proof");
			requireMembers(consistency, Set.of("type", "from", "to", "proof"), "the consistency proof");
			if (!"consistency".equals(consistency.members().get("type")) || number(consistency, "from") != first.size()
					|| number(consistency, "to") != latest.size() || first.size() >= latest.size() || !Merkle
						.consistent(first.size(), latest.size(), first.root(), latest.root(), hashes(consistency))) {
				throw new Tampered("the checkpoint of size " + first.size()
						+ " is not consistent with the checkpoint of size " + latest.size());
			}
			line = next("the range proof");
		}
		if (latest.size() != size) {
			throw new Tampered("the header's tree size " + size + " is not the latest checkpoint's " + latest.size());
		}
		while ("retention".equals(line.members().get("type"))) {
			retention(line, latest);
			line = next("the range proof");
		}
		requireMembers(line, Set.of("type", "proof"), "the range proof");
		if (!"range".equals(line.members().get("type"))) {
			throw new IllegalArgumentException("expected the range proof");
		}
		Iterator<byte[]> proof = hashes(line).iterator();
		this.expected = from;
		byte[] root;
		try {
			root = Merkle.rangeRoot(from, to, size, proof, new Records());
		}
		catch (NoSuchElementException ex) {
			throw new Tampered("the range proof is too short for leaves [" + from + ", " + to + ")");
		}
		catch (UncheckedTampered ex) {
			throw ex.tampered;
		}
		catch (java.io.UncheckedIOException ex) {
			throw ex.getCause();
		}
		String extra = this.lines.next();
		if (extra != null) {
			throw extraLine(extra, to);
		}
		if (proof.hasNext()) {
			throw new Tampered("the range proof is longer than leaves [" + from + ", " + to + ") need");
		}
		if (!MessageDigest.isEqual(root, latest.root())) {
			throw new Tampered("the records' leaf hashes and the range proof do not give the root signed at size "
					+ size + ": a record was altered together with its leaf hash, or the range proof was");
		}
		String removed = (this.prunedSeen == 0) ? ""
				: " (" + this.prunedSeen + " of them removed by retention, as its signed retention records say)";
		return new Result(AuditVerifier.OK,
				(to - from) + " records" + removed + ", leaves [" + from + ", " + to + ") of " + origin
						+ ", match the checkpoint of size " + size + " (root "
						+ Base64.getEncoder().encodeToString(root) + ") signed by " + key.name());
	}

	/** The leaf hashes of the records, in order, each checked as it is read. */
	private final class Records implements Iterator<byte[]> {

		@Override
		public boolean hasNext() {
			return true;
		}

		@Override
		public byte[] next() {
			try {
				return record();
			}
			catch (Tampered ex) {
				throw new UncheckedTampered(ex);
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}

	}

	private byte[] record() throws IOException, Tampered {
		long index = this.expected;
		String text = this.lines.next();
		if (text == null) {
			throw Tampered.at("DELETED", index, null, "the bundle ends before this leaf's record");
		}
		Json.Parsed line;
		try {
			line = Json.object(text);
			requireMembers(line, RECORD, "a record");
			if (!"record".equals(line.members().get("type"))) {
				throw new IllegalArgumentException("not a record");
			}
			number(line, "i");
		}
		catch (IllegalArgumentException ex) {
			throw Tampered.at("ALTERED", index, null,
					"line " + this.lines.number() + " is not a readable record (" + ex.getMessage() + ")");
		}
		long found = number(line, "i");
		Object data = line.members().get("d");
		Object eventId = (data instanceof Map<?, ?> record) ? record.get("eventId") : null;
		if (found > index) {
			boolean later = foundLater(index);
			throw Tampered.at(later ? "REORDERED" : "DELETED", index, null,
					later ? "its record comes after leaf " + found + "'s"
							: "no record for it; line " + lines.number() + " holds leaf " + found);
		}
		if (found < index) {
			throw Tampered.at("INSERTED", index, eventId,
					"line " + this.lines.number() + " is a second record for leaf " + found);
		}
		byte[] hash;
		try {
			hash = Notes.Strict.hash(text(line, "h"));
		}
		catch (IllegalArgumentException ex) {
			throw Tampered.at("ALTERED", index, eventId, "its leaf hash is unreadable");
		}
		if (data == null && prunedByRetention(index)) {
			this.prunedSeen++;
			this.expected++;
			return hash;
		}
		if (data == null) {
			throw Tampered.at("DELETED", index, null, "the audit store no longer holds this leaf's record");
		}
		if (!(data instanceof Map<?, ?>)
				|| !MessageDigest.isEqual(Merkle.leaf(line.raw("d").getBytes(StandardCharsets.UTF_8)), hash)) {
			throw Tampered.at("ALTERED", index, eventId, "its record does not hash to its leaf hash");
		}
		this.expected++;
		return hash;
	}

	private boolean foundLater(long index) throws IOException {
		String text;
		while ((text = this.lines.next()) != null) {
			try {
				if (Long.valueOf(index).equals(Json.object(text).members().get("i"))) {
					return true;
				}
			}
			catch (IllegalArgumentException ex) {
				// not a record: keep looking
			}
		}
		return false;
	}

	private Tampered extraLine(String text, long to) {
		try {
			Object index = Json.object(text).members().get("i");
			if (index instanceof Long i) {
				return Tampered.at("INSERTED", i, null, "a record beyond the bundle's range, which ends at " + to);
			}
		}
		catch (IllegalArgumentException ex) {
			// described below
		}
		return new Tampered("line " + this.lines.number() + " follows the last record");
	}

	private Notes.Checkpoint checkpoint(Json.Parsed line, Notes.Key key, String origin) throws Tampered {
		requireMembers(line, Set.of("type", "note"), "a checkpoint");
		if (!"checkpoint".equals(line.members().get("type"))) {
			throw new IllegalArgumentException("expected a checkpoint");
		}
		Notes.Checkpoint checkpoint;
		try {
			checkpoint = Notes.open(text(line, "note"), key);
		}
		catch (IllegalArgumentException ex) {
			throw new Tampered("the checkpoint on line " + this.lines.number() + ": " + ex.getMessage());
		}
		if (!checkpoint.origin().equals(origin)) {
			throw new Tampered("the checkpoint on line " + this.lines.number() + " is of log " + checkpoint.origin()
					+ ", not " + origin);
		}
		return checkpoint;
	}

	private Json.Parsed next(String what) throws IOException, Tampered {
		String text = this.lines.next();
		if (text == null) {
			throw new Tampered("the bundle ends before " + what);
		}
		return Json.object(text);
	}

	/**
	 * A retention record: it must be a leaf of the latest checkpoint (its inclusion
	 * proof), hash to its leaf hash, and list the leaf ranges it removed.
	 */
	private void retention(Json.Parsed line, Notes.Checkpoint latest) throws Tampered {
		requireMembers(line, Set.of("type", "i", "h", "d", "proof"), "a retention record");
		long index = number(line, "i");
		byte[] hash = Notes.Strict.hash(text(line, "h"));
		if (!(line.members().get("d") instanceof Map<?, ?> data)
				|| !MessageDigest.isEqual(Merkle.leaf(line.raw("d").getBytes(StandardCharsets.UTF_8)), hash)) {
			throw Tampered.at("ALTERED", index, null, "the retention record does not hash to its leaf hash");
		}
		if (!Merkle.included(index, latest.size(), hash, hashes(line), latest.root())) {
			throw Tampered.at("INSERTED", index, null,
					"the retention record is not in the log signed at size " + latest.size());
		}
		if (!"RetentionApplied".equals(data.get("eventType")) || !(data.get("payload") instanceof Map<?, ?> payload)
				|| !(payload.get("leafRanges") instanceof List<?> ranges)) {
			throw Tampered.at("ALTERED", index, null, "a retention record names the leaf ranges it removed");
		}
		for (Object range : ranges) {
			if (!(range instanceof List<?> pair) || pair.size() != 2 || !(pair.get(0) instanceof Long first)
					|| !(pair.get(1) instanceof Long last) || first < 0 || last < first) {
				throw Tampered.at("ALTERED", index, null, "a retention record's leaf range is not [first, last]");
			}
			this.pruned.add(new long[] { first, last });
		}
	}

	private boolean prunedByRetention(long index) {
		for (long[] range : this.pruned) {
			if (index >= range[0] && index <= range[1]) {
				return true;
			}
		}
		return false;
	}

	private static void requireMembers(Json.Parsed line, Set<String> members, String what) {
		if (!line.members().keySet().equals(members)) {
			throw new IllegalArgumentException(what + " must have exactly the members " + members);
		}
	}

	private static String text(Json.Parsed line, String member) {
		if (!(line.members().get(member) instanceof String text)) {
			throw new IllegalArgumentException(member + " must be a string");
		}
		return text;
	}

	private static long number(Json.Parsed line, String member) {
		if (!(line.members().get(member) instanceof Long number)) {
			throw new IllegalArgumentException(member + " must be an integer");
		}
		return number;
	}

	private static List<byte[]> hashes(Json.Parsed line) {
		if (!(line.members().get("proof") instanceof List<?> items)) {
			throw new IllegalArgumentException("proof must be a list");
		}
		List<byte[]> hashes = new ArrayList<>();
		for (Object item : items) {
			if (!(item instanceof String text)) {
				throw new IllegalArgumentException("proof must hold base64 hashes");
			}
			hashes.add(Notes.Strict.hash(text));
		}
		return hashes;
	}

	/** Carries a finding out of the root computation, which pulls records. */
	private static final class UncheckedTampered extends RuntimeException {

		private final Tampered tampered;

		UncheckedTampered(Tampered tampered) {
			super(null, null, false, false);
			this.tampered = tampered;
		}

	}

}
