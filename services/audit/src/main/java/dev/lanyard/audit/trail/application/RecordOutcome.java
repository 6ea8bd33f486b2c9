package dev.lanyard.audit.trail.application;

/** What became of a batch handed to {@link RecordEvents}. */
public sealed interface RecordOutcome {

	/**
	 * Every event of the batch is in the trail (some may have been there already).
	 *
	 * @param count the batch's size
	 */
	record Recorded(int count) implements RecordOutcome {
	}

	/**
	 * The events before {@code index} are in the trail; the one at {@code index} was
	 * refused; those after it were not tried.
	 *
	 * @param index position of the refused event in the batch
	 * @param reason why, without event content
	 */
	record Rejected(int index, String reason) implements RecordOutcome {
	}

}
