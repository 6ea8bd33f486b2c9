package dev.lanyard.audit.trail.domain;

/**
 * An event on its way into the trail.
 *
 * @param event what the trail indexes
 * @param source where it was read from
 * @param payloadJson the whole event as a JSON object
 */
public record IncomingEvent(AuditEvent event, EventSource source, String payloadJson) {

	public IncomingEvent {
		Guards.notNull(event, "event");
		Guards.notNull(source, "source");
		Guards.notBlank(payloadJson, "payloadJson");
	}

}
