package dev.lanyard.audit.trail.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A place in the trail's order: newest {@code occurredAt} first, then event id descending
 * as a stable tiebreak.
 *
 * @param occurredAt when the event happened
 * @param eventId the event's id
 */
public record Position(Instant occurredAt, UUID eventId) {

	public Position {
		Guards.notNull(occurredAt, "occurredAt");
		Guards.notNull(eventId, "eventId");
	}

}
