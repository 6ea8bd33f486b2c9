package dev.lanyard.tokenbroker.readmodels.adapter.kafka;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes a dead-lettered value exactly as it was read: the raw bytes of a record that
 * could not be deserialized, or those kept in a {@link ReadModelRecord} that could not be
 * used.
 */
public final class DeadLetterValueSerializer implements Serializer<Object> {

	@Override
	public byte[] serialize(String topic, Object data) {
		return switch (data) {
			case null -> null;
			case byte[] bytes -> bytes;
			case ReadModelRecord record -> record.raw();
			default -> throw new SerializationException(
					"Cannot dead-letter a value of type " + data.getClass().getName() + "; raw bytes are needed");
		};
	}

}
