package dev.lanyard.testing.kafka;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.platform.registry.AvroSerdes;
import dev.lanyard.platform.registry.RegistryProperties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces events the way Lanyard's services do (and raw bytes the way a broken producer
 * might), reads dead letters, and reads what the service under test publishes from the
 * start of the topics it is given.
 */
public final class TestKafka implements AutoCloseable {

	private final String bootstrapServers;

	private final KafkaProducer<String, Object> avro;

	private final KafkaProducer<String, byte[]> raw;

	private final KafkaConsumer<String, SpecificRecord> outcomes;

	private final List<ConsumerRecord<String, SpecificRecord>> seen = new ArrayList<>();

	/**
	 * Connects to the broker and registry.
	 * @param outcomeTopics topics to read from their start for {@link #await}; none for a
	 * test that only produces
	 */
	public TestKafka(String bootstrapServers, String registryUrl, String... outcomeTopics) {
		this.bootstrapServers = bootstrapServers;
		RegistryProperties registry = new RegistryProperties(URI.create(registryUrl), false);
		Map<String, Object> producer = new HashMap<>(AvroSerdes.producerProperties(registry));
		producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		producer.put(ProducerConfig.ACKS_CONFIG, "all");
		this.avro = new KafkaProducer<>(producer);
		this.raw = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
		Map<String, Object> consumer = new HashMap<>(AvroSerdes.consumerProperties(registry));
		consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		consumer.put(ConsumerConfig.GROUP_ID_CONFIG, "lanyard-it-" + UUID.randomUUID());
		consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		this.outcomes = new KafkaConsumer<>(consumer);
		List<TopicPartition> partitions = new ArrayList<>();
		for (String topic : outcomeTopics) {
			this.outcomes.partitionsFor(topic, Duration.ofSeconds(30))
				.forEach((info) -> partitions.add(new TopicPartition(info.topic(), info.partition())));
		}
		this.outcomes.assign(partitions);
		this.outcomes.seekToBeginning(partitions);
	}

	public RecordMetadata send(String topic, Integer partition, String key, SpecificRecord event) {
		return await(this.avro.send(new ProducerRecord<>(topic, partition, key, event)));
	}

	/** As {@link #send(String, Integer, String, SpecificRecord)}, with record headers. */
	public RecordMetadata send(String topic, Integer partition, String key, SpecificRecord event,
			Map<String, String> headers) {
		ProducerRecord<String, Object> record = new ProducerRecord<>(topic, partition, key, event);
		headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
		return await(this.avro.send(record));
	}

	public RecordMetadata sendRaw(String topic, Integer partition, String key, byte[] value) {
		return await(this.raw.send(new ProducerRecord<>(topic, partition, key, value)));
	}

	/**
	 * Polls until the records of that type with that correlation id satisfy {@code done},
	 * or the timeout passes; returns them in the order read.
	 */
	public synchronized <T extends SpecificRecord> List<ConsumerRecord<String, T>> await(Class<T> type,
			String correlationId, Predicate<List<ConsumerRecord<String, T>>> done, Duration timeout) {
		if (this.outcomes.assignment().isEmpty()) {
			throw new IllegalStateException("No outcome topics to read: name them when creating TestKafka");
		}
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			List<ConsumerRecord<String, T>> matching = matching(type, correlationId);
			if (done.test(matching) || System.nanoTime() > deadline) {
				return matching;
			}
			this.outcomes.poll(Duration.ofMillis(200)).forEach(this.seen::add);
		}
	}

	public <T extends SpecificRecord> ConsumerRecord<String, T> awaitOne(Class<T> type, String correlationId,
			Duration timeout) {
		List<ConsumerRecord<String, T>> found = await(type, correlationId, (list) -> !list.isEmpty(), timeout);
		if (found.isEmpty()) {
			throw new AssertionError("No " + type.getSimpleName() + " with correlation id " + correlationId);
		}
		return found.getFirst();
	}

	@SuppressWarnings("unchecked")
	private <T extends SpecificRecord> List<ConsumerRecord<String, T>> matching(Class<T> type, String correlationId) {
		List<ConsumerRecord<String, T>> matching = new ArrayList<>();
		for (ConsumerRecord<String, SpecificRecord> record : this.seen) {
			if (type.isInstance(record.value()) && correlationId.equals(
					String.valueOf(record.value().get(record.value().getSchema().getField("correlationId").pos())))) {
				matching.add((ConsumerRecord<String, T>) (ConsumerRecord<String, ?>) record);
			}
		}
		return matching;
	}

	/** The dead letter that came from that topic, partition and offset, if any. */
	public Optional<ConsumerRecord<String, byte[]>> deadLetter(RecordMetadata source, Duration wait) {
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
						ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
						ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
						ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false))) {
			List<TopicPartition> partitions = new ArrayList<>();
			consumer.partitionsFor(Topics.DEAD_LETTER)
				.forEach((info) -> partitions.add(new TopicPartition(info.topic(), info.partition())));
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			long deadline = System.nanoTime() + wait.toNanos();
			do {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					if (source.topic().equals(text(record, "kafka_dlt-original-topic"))
							&& Integer.valueOf(source.partition())
								.equals(number(record, "kafka_dlt-original-partition"))
							&& Long.valueOf(source.offset()).equals(number(record, "kafka_dlt-original-offset"))) {
						return Optional.of(record);
					}
				}
			}
			while (System.nanoTime() < deadline);
			return Optional.empty();
		}
	}

	public static String text(ConsumerRecord<?, ?> record, String header) {
		Header last = record.headers().lastHeader(header);
		return (last != null) ? new String(last.value(), StandardCharsets.UTF_8) : null;
	}

	public static Number number(ConsumerRecord<?, ?> record, String header) {
		Header last = record.headers().lastHeader(header);
		if (last == null) {
			return null;
		}
		ByteBuffer buffer = ByteBuffer.wrap(last.value());
		return (last.value().length == Integer.BYTES) ? (Number) buffer.getInt() : (Number) buffer.getLong();
	}

	private static RecordMetadata await(Future<RecordMetadata> sent) {
		try {
			return sent.get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Send failed", ex);
		}
	}

	@Override
	public void close() {
		this.avro.close(Duration.ofSeconds(5));
		this.raw.close(Duration.ofSeconds(5));
		this.outcomes.close(Duration.ofSeconds(5));
	}

}
