package dev.lanyard.provisioning.login.adapter.kafka;

import java.util.Map;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes a dead-lettered value: the raw bytes of a record that could not be read as they
 * were, a UserLoggedIn that could not be applied as Avro again.
 */
public final class DeadLetterSerializer implements Serializer<Object> {

	private final Serializer<SpecificRecord> avro;

	public DeadLetterSerializer() {
		this(new AvroKafkaSerializer<>());
	}

	DeadLetterSerializer(Serializer<SpecificRecord> avro) {
		this.avro = avro;
	}

	@Override
	public void configure(Map<String, ?> configs, boolean isKey) {
		this.avro.configure(configs, isKey);
	}

	@Override
	public byte[] serialize(String topic, Object data) {
		return switch (data) {
			case null -> null;
			case byte[] bytes -> bytes;
			// Serialized under the login topic's subject: the schema is that topic's.
			case SpecificRecord record ->
				this.avro.serialize(dev.lanyard.platform.kafka.Topics.USER_LOGGED_IN.name(), record);
			default -> throw new SerializationException("Cannot dead-letter a " + data.getClass().getName());
		};
	}

	@Override
	public void close() {
		this.avro.close();
	}

}
