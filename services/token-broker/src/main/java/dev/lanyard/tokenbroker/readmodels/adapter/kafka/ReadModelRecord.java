package dev.lanyard.tokenbroker.readmodels.adapter.kafka;

import org.apache.avro.specific.SpecificRecord;

/**
 * A record value as read: the Avro event, and the bytes it came from so that it can be
 * dead-lettered unchanged when it cannot be used.
 *
 * @param event the event
 * @param raw the value's bytes
 */
public record ReadModelRecord(SpecificRecord event, byte[] raw) {

	public ReadModelRecord {
		if (event == null) {
			throw new IllegalArgumentException("event cannot be null");
		}
		if (raw == null) {
			throw new IllegalArgumentException("raw cannot be null");
		}
	}

	@Override
	public String toString() {
		return "ReadModelRecord[" + this.event.getClass().getSimpleName() + ", " + this.raw.length + " bytes]";
	}

}
