package dev.lanyard.audit.trail.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.lanyard.audit.trail.domain.AccessReport;

/**
 * The questions an auditor asks about access, one call each: who received credentials for
 * an integration, what a person received and when it was revoked, how many events per
 * day.
 */
public final class AnswerAccessQuestions {

	/** Most rows a report returns; {@code truncated} says when there were more. */
	public static final int MAX_ROWS = 1000;

	/** Widest period counted per hour or per day, so that a count stays one screen. */
	public static final Duration MAX_COUNT_PERIOD = Duration.ofDays(400);

	private final AccessReports reports;

	public AnswerAccessQuestions(AccessReports reports) {
		if (reports == null) {
			throw new IllegalArgumentException("reports cannot be null");
		}
		this.reports = reports;
	}

	public Rows<AccessReport.Holder> holders(String integrationId, Instant from, Instant to,
			AccessReport.GroupBy groupBy) {
		if (integrationId == null || integrationId.isBlank()) {
			throw new IllegalArgumentException("integrationId cannot be blank");
		}
		if (groupBy == null) {
			throw new IllegalArgumentException("groupBy cannot be null");
		}
		requireOrdered(from, to);
		return Rows.of(this.reports.holders(integrationId, from, to, groupBy, MAX_ROWS + 1));
	}

	public Rows<AccessReport.Credential> credentials(String userId, Instant from, Instant to) {
		if (userId == null || userId.isBlank()) {
			throw new IllegalArgumentException("userId cannot be blank");
		}
		requireOrdered(from, to);
		return Rows.of(this.reports.credentials(userId, from, to, MAX_ROWS + 1));
	}

	public List<AccessReport.Count> counts(Instant from, Instant to, Set<String> eventTypes,
			AccessReport.Bucket bucket) {
		if (from == null || to == null) {
			throw new IllegalArgumentException("from and to cannot be null");
		}
		if (bucket == null) {
			throw new IllegalArgumentException("bucket cannot be null");
		}
		requireOrdered(from, to);
		if (Duration.between(from, to).compareTo(MAX_COUNT_PERIOD) > 0) {
			throw new IllegalArgumentException("the period must be at most " + MAX_COUNT_PERIOD.toDays() + " days");
		}
		return this.reports.counts(from, to, (eventTypes != null) ? eventTypes : Set.of(), bucket);
	}

	private static void requireOrdered(Instant from, Instant to) {
		if (from != null && to != null && from.isAfter(to)) {
			throw new IllegalArgumentException("from must not be after to");
		}
	}

	/**
	 * At most {@link #MAX_ROWS} rows.
	 *
	 * @param rows the rows
	 * @param truncated whether there were more
	 * @param <T> the row type
	 */
	public record Rows<T>(List<T> rows, boolean truncated) {

		static <T> Rows<T> of(List<T> fetched) {
			return (fetched.size() > MAX_ROWS) ? new Rows<>(List.copyOf(fetched.subList(0, MAX_ROWS)), true)
					: new Rows<>(List.copyOf(fetched), false);
		}

	}

}
