package dev.lanyard.audit.ledger.domain;

import java.util.UUID;

/**
 * A leaf as stored, with the record it names.
 *
 * @param leafIndex its place
 * @param eventId the event the log put there
 * @param leafHash the hash the log stored for it
 * @param record the event's stored row, or null when it is gone
 */
public record StoredLeaf(long leafIndex, UUID eventId, byte[] leafHash, LedgerRecord record) {

	public StoredLeaf {
		if (eventId == null || leafHash == null) {
			throw new IllegalArgumentException("eventId and leafHash cannot be null");
		}
	}

}
