package dev.lanyard.audit.trail.adapter.kafka;

import dev.lanyard.audit.trail.domain.AuditEvent;
import dev.lanyard.platform.kafka.consumer.RawValue;

/**
 * A record value read and mapped by {@link AuditRecordReader}.
 *
 * @param event what the trail indexes
 * @param payloadJson the whole event as a JSON object
 * @param raw the bytes as read, for the dead-letter topic should the store refuse the
 * event
 */
public record DecodedEvent(AuditEvent event, String payloadJson, byte[] raw) implements RawValue {

	public DecodedEvent {
		if (event == null) {
			throw new IllegalArgumentException("event cannot be null");
		}
		if (payloadJson == null || payloadJson.isBlank()) {
			throw new IllegalArgumentException("payloadJson cannot be blank");
		}
		if (raw == null) {
			throw new IllegalArgumentException("raw cannot be null");
		}
	}

}
