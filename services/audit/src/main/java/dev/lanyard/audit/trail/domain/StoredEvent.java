package dev.lanyard.audit.trail.domain;

import java.time.Instant;

/**
 * An event as the trail holds it.
 *
 * @param event the event
 * @param recordedAt when the trail first stored it (redeliveries do not change it)
 * @param details what it means, typed per event type
 */
public record StoredEvent(AuditEvent event, Instant recordedAt, EventDetails details) {

	public StoredEvent {
		Guards.notNull(event, "event");
		Guards.notNull(recordedAt, "recordedAt");
		details = (details != null) ? details : new EventDetails.Unknown();
	}

	/** An event whose details are not known. */
	public StoredEvent(AuditEvent event, Instant recordedAt) {
		this(event, recordedAt, null);
	}

}
