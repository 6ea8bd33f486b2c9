package dev.lanyard.e2e.support;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import dev.lanyard.launcher.settings.Endpoints;
import dev.lanyard.platform.kafka.Topic;
import dev.lanyard.platform.registry.AvroSerdes;
import dev.lanyard.platform.registry.RegistryProperties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.avro.specific.SpecificRecord;

/**
 * Reads a topic of the running ensemble from its beginning with the same Avro serdes as
 * the services, waiting (bounded) until the wanted records are there.
 */
public final class EventLog {

	private final Map<String, Object> kafka;

	private final String registryUrl;

	/** Reads through the ensemble's Kafka as the launcher's administrator. */
	public EventLog(Endpoints endpoints) {
		this.kafka = endpoints.kafkaClientProperties();
		this.registryUrl = endpoints.registryUrl();
	}

	/**
	 * Every record of the topic matching the filter, once at least {@code atLeast} match
	 * or the wait is over.
	 */
	public <T extends SpecificRecord> List<T> read(Topic<T> topic, Predicate<T> filter, int atLeast, Duration wait) {
		Map<String, Object> props = new HashMap<>(
				AvroSerdes.consumerProperties(new RegistryProperties(URI.create(this.registryUrl), false)));
		props.putAll(this.kafka);
		props.put("group.id", "e2e-" + UUID.randomUUID());
		props.put("auto.offset.reset", "earliest");
		props.put("enable.auto.commit", false);
		List<T> found = new ArrayList<>();
		try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(props)) {
			consumer.subscribe(List.of(topic.name()));
			long deadline = System.nanoTime() + wait.toNanos();
			while (System.nanoTime() < deadline) {
				for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(300))) {
					if (topic.valueType().isInstance(record.value())) {
						T value = topic.valueType().cast(record.value());
						if (filter.test(value)) {
							found.add(value);
						}
					}
				}
				if (found.size() >= atLeast && consumer.assignment().size() > 0 && caughtUp(consumer)) {
					break;
				}
			}
		}
		return found;
	}

	private static boolean caughtUp(KafkaConsumer<String, Object> consumer) {
		var ends = consumer.endOffsets(consumer.assignment());
		return ends.entrySet().stream().allMatch((end) -> consumer.position(end.getKey()) >= end.getValue());
	}

}
