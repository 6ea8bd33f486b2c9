package dev.lanyard.audit.ledger.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The leaves whose records retention removed, as the log's own retention records say
 * (each a {@code RetentionApplied} record in the log, listing the leaf ranges it
 * removed). A leaf without its record is fine only inside one of these ranges: the leaf
 * hash stays, so every checkpoint still verifies, and the removal is itself a signed
 * record, so removing a record outside retention, or a retention record, is still found.
 */
public final class PrunedLeaves {

	/** The event type of retention records. */
	public static final String RETENTION_APPLIED = "RetentionApplied";

	private static final PrunedLeaves NONE = new PrunedLeaves(List.of());

	/** Inclusive ranges, sorted by first leaf, not overlapping. */
	private final List<long[]> ranges;

	private PrunedLeaves(List<long[]> ranges) {
		this.ranges = ranges;
	}

	public static PrunedLeaves none() {
		return NONE;
	}

	/**
	 * From the payloads of retention records.
	 * @throws IllegalArgumentException when a payload has no readable {@code leafRanges}
	 */
	public static PrunedLeaves of(Collection<String> retentionPayloads) {
		if (retentionPayloads == null) {
			throw new IllegalArgumentException("retentionPayloads cannot be null");
		}
		List<long[]> ranges = new ArrayList<>();
		for (String payload : retentionPayloads) {
			ranges.addAll(rangesOf(payload));
		}
		ranges.sort(Comparator.comparingLong((long[] range) -> range[0]));
		return new PrunedLeaves(List.copyOf(ranges));
	}

	/** The leaf ranges one retention record lists. */
	public static List<long[]> rangesOf(String payload) {
		Object parsed = CanonicalJson.parse(payload);
		if (!(parsed instanceof Map<?, ?> members) || !(members.get("leafRanges") instanceof List<?> listed)) {
			throw new IllegalArgumentException("a retention record lists its leafRanges");
		}
		List<long[]> ranges = new ArrayList<>(listed.size());
		for (Object item : listed) {
			if (!(item instanceof List<?> pair) || pair.size() != 2) {
				throw new IllegalArgumentException("a leaf range is [first, last]");
			}
			long first = number(pair.get(0));
			long last = number(pair.get(1));
			if (first < 0 || last < first) {
				throw new IllegalArgumentException("a leaf range is [first, last] with 0 <= first <= last");
			}
			ranges.add(new long[] { first, last });
		}
		return ranges;
	}

	/** Whether retention removed the record of this leaf. */
	public boolean covers(long leafIndex) {
		int lo = 0;
		int hi = this.ranges.size() - 1;
		while (lo <= hi) {
			int mid = (lo + hi) >>> 1;
			long[] range = this.ranges.get(mid);
			if (leafIndex < range[0]) {
				hi = mid - 1;
			}
			else if (leafIndex > range[1]) {
				lo = mid + 1;
			}
			else {
				return true;
			}
		}
		return false;
	}

	/**
	 * The payload of the retention record for these removed leaves.
	 * @param day the UTC day whose records went, e.g. {@code 2026-01-31}
	 * @param retention the retention period in force, ISO-8601
	 * @param removed how many records went
	 * @param sortedLeafIndexes the removed records' leaves, ascending
	 */
	public static String retentionPayload(String day, String retention, long removed, List<Long> sortedLeafIndexes) {
		List<Object> ranges = new ArrayList<>();
		long first = -1;
		long last = -1;
		for (long index : sortedLeafIndexes) {
			if (first >= 0 && index == last + 1) {
				last = index;
				continue;
			}
			if (first >= 0) {
				ranges.add(List.of(first, last));
			}
			first = index;
			last = index;
		}
		if (first >= 0) {
			ranges.add(List.of(first, last));
		}
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("day", day);
		payload.put("retention", retention);
		payload.put("removed", removed);
		payload.put("leafRanges", ranges);
		StringBuilder out = new StringBuilder();
		CanonicalJson.write(payload, out);
		return out.toString();
	}

	private static long number(Object value) {
		if (value instanceof CanonicalJson.Raw raw) {
			try {
				return Long.parseLong(raw.json());
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("a leaf index is an integer");
			}
		}
		throw new IllegalArgumentException("a leaf index is an integer");
	}

}
