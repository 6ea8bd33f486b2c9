package dev.lanyard.integrations.service;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import dev.lanyard.events.IntegrationChanged;
import dev.lanyard.launcher.Infrastructure;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.platform.registry.AvroSerdes;
import dev.lanyard.platform.registry.RegistryProperties;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the IntegrationChanged topic from the start as raw bytes (to scan them) and
 * decodes each record through the registry, the way token-broker will.
 */
final class IntegrationChangedRecords implements AutoCloseable {

	/** One record: its key, raw value bytes and decoded event. */
	record Snapshot(String key, byte[] raw, IntegrationChanged event) {
	}

	private final KafkaConsumer<String, byte[]> consumer;

	private final AvroKafkaDeserializer<IntegrationChanged> deserializer = new AvroKafkaDeserializer<>();

	private final List<Snapshot> seen = new ArrayList<>();

	IntegrationChangedRecords(Infrastructure infrastructure) {
		Map<String, Object> avro = new HashMap<>(
				AvroSerdes.consumerProperties(new RegistryProperties(URI.create(infrastructure.registryUrl()), false)));
		this.deserializer.configure(avro, false);
		Map<String, Object> properties = new HashMap<>();
		properties.put("bootstrap.servers", infrastructure.kafkaBootstrapServers());
		properties.put("group.id", "integration-registry-it-" + UUID.randomUUID());
		properties.put("enable.auto.commit", false);
		properties.put("key.deserializer", StringDeserializer.class.getName());
		properties.put("value.deserializer", ByteArrayDeserializer.class.getName());
		this.consumer = new KafkaConsumer<>(properties);
		List<TopicPartition> partitions = this.consumer
			.partitionsFor(Topics.INTEGRATION_CHANGED.name(), Duration.ofSeconds(30))
			.stream()
			.map((info) -> new TopicPartition(info.topic(), info.partition()))
			.toList();
		this.consumer.assign(partitions);
		this.consumer.seekToBeginning(partitions);
	}

	/**
	 * Polls until the records keyed by {@code key} satisfy {@code done} or time runs out.
	 */
	List<Snapshot> awaitFor(String key, Predicate<List<Snapshot>> done, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			List<Snapshot> forKey = this.seen.stream().filter((s) -> key.equals(s.key())).toList();
			if (done.test(forKey) || System.nanoTime() > deadline) {
				return forKey;
			}
			for (ConsumerRecord<String, byte[]> record : this.consumer.poll(Duration.ofMillis(200))) {
				this.seen.add(new Snapshot(record.key(), record.value(),
						this.deserializer.deserialize(record.topic(), record.headers(), record.value())));
			}
		}
	}

	/** Every record read so far, of any key. */
	List<Snapshot> all() {
		return List.copyOf(this.seen);
	}

	@Override
	public void close() {
		this.consumer.close();
		this.deserializer.close();
	}

}
