package dev.lanyard.audit.trail.domain;

import java.time.Instant;

/**
 * An event as the trail holds it.
 *
 * @param event the event
 * @param recordedAt when the trail first stored it (redeliveries do not change it)
 */
public record StoredEvent(AuditEvent event, Instant recordedAt) {

	public StoredEvent {
		Guards.notNull(event, "event");
		Guards.notNull(recordedAt, "recordedAt");
	}

}
