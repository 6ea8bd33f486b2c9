package dev.lanyard.platform.kafka;

import org.apache.avro.specific.SpecificRecord;

/**
 * A Kafka topic tied to its value type. Keys are always the entity id as a string.
 *
 * @param name topic name, {@code lanyard.<domain>.<event>.v<N>}
 * @param valueType the generated Avro class of its records
 * @param compacted whether the topic keeps only the latest snapshot per key
 * @param <V> value type
 */
public record Topic<V extends SpecificRecord>(String name, Class<V> valueType, boolean compacted) {

	public Topic {
		if (name == null || !name.matches("lanyard\\.[a-z-]+\\.[a-z-]+\\.v\\d+")) {
			throw new IllegalArgumentException("name must look like lanyard.<domain>.<event>.v<N>: " + name);
		}
		if (valueType == null) {
			throw new IllegalArgumentException("valueType cannot be null");
		}
	}

	/**
	 * Subject (Confluent) and artifact id (Apicurio) of the value schema, by the
	 * topic-name strategy.
	 */
	public String valueSubject() {
		return this.name + "-value";
	}

	/** Name of the committed schema file, {@code schemas/src/main/avro/<name>.avsc}. */
	public String schemaName() {
		return this.valueType.getSimpleName();
	}

}
