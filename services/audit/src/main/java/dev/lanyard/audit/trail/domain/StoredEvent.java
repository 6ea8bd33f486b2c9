package dev.lanyard.audit.trail.domain;

import java.time.Instant;

/**
 * An event as the trail holds it.
 *
 * @param event the event
 * @param recordedAt when the trail first stored it (redeliveries do not change it)
 * @param details what it means, typed per event type
 * @param traceId the W3C trace id its Kafka record carried, else {@code null}
 */
public record StoredEvent(AuditEvent event, Instant recordedAt, EventDetails details, String traceId) {

	public StoredEvent {
		Guards.notNull(event, "event");
		Guards.notNull(recordedAt, "recordedAt");
		details = (details != null) ? details : new EventDetails.Unknown();
	}

	/** An event without trace context. */
	public StoredEvent(AuditEvent event, Instant recordedAt, EventDetails details) {
		this(event, recordedAt, details, null);
	}

	/** An event whose details are not known. */
	public StoredEvent(AuditEvent event, Instant recordedAt) {
		this(event, recordedAt, null);
	}

}
