package dev.lanyard.platform.kafka.consumer;

import org.apache.avro.specific.SpecificRecord;

/**
 * An Avro event as read, with the bytes it came from.
 *
 * @param event the event
 * @param raw the value's bytes
 * @param <V> the event type
 */
public record ReadEvent<V extends SpecificRecord>(V event, byte[] raw) implements RawValue {

	public ReadEvent {
		if (event == null) {
			throw new IllegalArgumentException("event cannot be null");
		}
		if (raw == null) {
			throw new IllegalArgumentException("raw cannot be null");
		}
	}

	// the generated toString would print every field of the event
	@Override
	public String toString() {
		return "ReadEvent[" + this.event.getClass().getSimpleName() + ", " + this.raw.length + " bytes]";
	}

}
