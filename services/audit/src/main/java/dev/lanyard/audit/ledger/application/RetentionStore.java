package dev.lanyard.audit.ledger.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** Where retention removes records and records that it did. */
public interface RetentionStore {

	/**
	 * The oldest UTC day (of {@code occurredAt}) before {@code before} that still holds
	 * records already in the log, other than retention records.
	 */
	Optional<LocalDate> oldestRemovableDay(Instant before);

	/**
	 * In one transaction: removes the records of this day that are in the log (never a
	 * retention record, never one still waiting to enter the log), and stores the
	 * retention record naming their leaves, which enters the log like any record.
	 * @param day the day
	 * @param retention the period in force, ISO-8601, for the record
	 * @param at when
	 * @return how many records went
	 */
	long removeDay(LocalDate day, String retention, Instant at);

}
