package dev.lanyard.audit.ledger.domain;

import java.util.UUID;

/**
 * What a full check of the log found: nothing, or the first thing wrong.
 *
 * @param outcome what was found
 * @param leafIndex where, when it has a place in the log
 * @param eventId which record, when known
 * @param detail one sentence for the auditor
 * @param checkedSize how many leaves were checked
 */
public record Verdict(Outcome outcome, Long leafIndex, UUID eventId, String detail, long checkedSize) {

	public Verdict {
		if (outcome == null || detail == null) {
			throw new IllegalArgumentException("outcome and detail cannot be null");
		}
	}

	public static Verdict ok(long size) {
		return ok(size, 0);
	}

	/**
	 * @param size leaves checked
	 * @param pruned how many of them retention removed (as its signed records say)
	 */
	public static Verdict ok(long size, long pruned) {
		String detail = (pruned == 0) ? "All " + size + " records match the signed log"
				: "All " + size + " leaves match the signed log: " + (size - pruned) + " records, and " + pruned
						+ " removed by retention as its signed records say";
		return new Verdict(Outcome.OK, null, null, detail, size);
	}

	public boolean isOk() {
		return this.outcome == Outcome.OK;
	}

	/** What a check can find. */
	public enum Outcome {

		/** Every record matches its leaf and every checkpoint. */
		OK,
		/** A record's content differs from what the log committed to. */
		ALTERED,
		/** A record the log holds is missing. */
		DELETED,
		/** A record is present that the log never took in. */
		INSERTED,
		/** A record sits at another record's place in the log. */
		REORDERED,
		/** A checkpoint or the log's own hashes do not match their signatures. */
		LOG_ALTERED

	}

}
