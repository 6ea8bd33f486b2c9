package dev.lanyard.platform.kafka.consumer;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes a dead-lettered value exactly as it was read: the raw bytes of a record that
 * could not be deserialized, or those a {@link RawValue} kept when its event could not be
 * used. Never serializes again: that would need the registry, and could differ from what
 * was sent.
 */
public final class DeadLetterValueSerializer implements Serializer<Object> {

	@Override
	public byte[] serialize(String topic, Object data) {
		return switch (data) {
			case null -> null;
			case byte[] bytes -> bytes;
			case RawValue value -> value.raw();
			default -> throw new SerializationException(
					"Cannot dead-letter a value of type " + data.getClass().getName() + "; raw bytes are needed");
		};
	}

}
