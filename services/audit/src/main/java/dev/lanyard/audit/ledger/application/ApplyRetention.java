package dev.lanyard.audit.ledger.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Removes whole days of records once the whole day is older than the retention period,
 * oldest first, a bounded number of days per run.
 */
public final class ApplyRetention {

	/** Days removed per run at most, so one run never holds the database for long. */
	static final int DAYS_PER_RUN = 31;

	private final RetentionStore store;

	private final Duration period;

	private final Clock clock;

	public ApplyRetention(RetentionStore store, Duration period, Clock clock) {
		if (store == null || period == null || clock == null) {
			throw new IllegalArgumentException("store, period and clock cannot be null");
		}
		this.store = store;
		this.period = period;
		this.clock = clock;
	}

	/** One run: what went, by day. */
	public List<Removal> run() {
		Instant now = this.clock.instant();
		// a day goes only when all of it is older than the period
		Instant before = now.minus(this.period).truncatedTo(ChronoUnit.DAYS);
		List<Removal> removals = new ArrayList<>();
		for (int i = 0; i < DAYS_PER_RUN; i++) {
			Optional<LocalDate> day = this.store.oldestRemovableDay(before);
			if (day.isEmpty()) {
				break;
			}
			long removed = this.store.removeDay(day.get(), this.period.toString(), now);
			removals.add(new Removal(day.get(), removed));
			if (removed == 0) {
				break;
			}
		}
		return removals;
	}

	/**
	 * @param day the UTC day
	 * @param records how many of its records went
	 */
	public record Removal(LocalDate day, long records) {
	}

}
