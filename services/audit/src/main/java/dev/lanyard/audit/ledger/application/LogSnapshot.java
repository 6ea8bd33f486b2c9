package dev.lanyard.audit.ledger.application;

import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Function;

import dev.lanyard.audit.ledger.domain.StoredCheckpoint;
import dev.lanyard.audit.ledger.domain.StoredLeaf;

/** The log as of one moment. */
public interface LogSnapshot {

	long size();

	/** Every checkpoint, smallest first, read a page at a time as it is iterated. */
	Iterator<StoredCheckpoint> checkpoints();

	/**
	 * Every stored leaf row, in index order, with its record; {@code each} returns false
	 * to stop.
	 */
	void leaves(Function<StoredLeaf, Boolean> each);

	/** Where a leaf hash is stored, if anywhere. */
	OptionalLong placeOf(byte[] leafHash);

	/**
	 * The payloads of the stored retention records ({@code RetentionApplied}), few: one
	 * per day removed.
	 */
	List<String> retentionPayloads();

	/** Up to {@code limit} records neither in the log nor waiting to enter it. */
	List<UUID> unlogged(int limit);

}
