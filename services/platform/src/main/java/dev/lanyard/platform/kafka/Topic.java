package dev.lanyard.platform.kafka;

import java.time.Duration;
import java.util.Map;

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

	/**
	 * How long a record of a compacted topic is kept whole before compaction may remove
	 * it for a newer one of its key: audit stores every record of every topic, and one
	 * compacted away before audit read it is missing from the trail for good (seen at
	 * 10,000,000 events: audit behind by millions, 748,899 UserChanged records lost). So
	 * a consumer that stops has as long as for a deleting topic's retention (seven days)
	 * before a record it has not read can go.
	 */
	public static final Duration COMPACTION_LAG = Duration.ofDays(7);

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

	/**
	 * The topic-level settings every deployment creates it with (the launcher, compose,
	 * Kubernetes): its cleanup policy and, when compacted, {@link #COMPACTION_LAG}.
	 */
	public Map<String, String> configs() {
		if (!this.compacted) {
			return Map.of("cleanup.policy", "delete");
		}
		return Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", Long.toString(COMPACTION_LAG.toMillis()));
	}

	/** Name of the committed schema file, {@code schemas/src/main/avro/<name>.avsc}. */
	public String schemaName() {
		return this.valueType.getSimpleName();
	}

}
