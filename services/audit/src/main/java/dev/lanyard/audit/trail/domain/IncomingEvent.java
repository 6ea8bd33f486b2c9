package dev.lanyard.audit.trail.domain;

/**
 * An event on its way into the trail.
 *
 * @param event what the trail indexes
 * @param source where it was read from
 * @param payloadJson the whole event as a JSON object
 * @param traceId the W3C trace id its record carried ({@code traceparent}), else
 * {@code null}
 */
public record IncomingEvent(AuditEvent event, EventSource source, String payloadJson, String traceId) {

	public IncomingEvent {
		Guards.notNull(event, "event");
		Guards.notNull(source, "source");
		Guards.notBlank(payloadJson, "payloadJson");
		if (traceId != null && !TraceIds.valid(traceId)) {
			throw new IllegalArgumentException("traceId must be 32 lower-case hex digits, not all zero");
		}
	}

	/** An event whose record carried no trace context. */
	public IncomingEvent(AuditEvent event, EventSource source, String payloadJson) {
		this(event, source, payloadJson, null);
	}

}
