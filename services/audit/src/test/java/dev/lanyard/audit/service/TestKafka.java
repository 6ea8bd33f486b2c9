package dev.lanyard.audit.service;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
 * Produces events the way Lanyard's services do, raw bytes the way a broken one might,
 * and reads dead letters.
 */
final class TestKafka implements AutoCloseable {

	private final String bootstrapServers;

	private final KafkaProducer<String, Object> avro;

	private final KafkaProducer<String, byte[]> raw;

	TestKafka(String bootstrapServers, String registryUrl) {
		this.bootstrapServers = bootstrapServers;
		Map<String, Object> avroProps = new HashMap<>(
				AvroSerdes.producerProperties(new RegistryProperties(URI.create(registryUrl), false)));
		avroProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		avroProps.put(ProducerConfig.ACKS_CONFIG, "all");
		this.avro = new KafkaProducer<>(avroProps);
		this.raw = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
	}

	RecordMetadata send(String topic, Integer partition, String key, SpecificRecord event) {
		return await(this.avro.send(new ProducerRecord<>(topic, partition, key, event)));
	}

	RecordMetadata sendRaw(String topic, Integer partition, String key, byte[] value) {
		return await(this.raw.send(new ProducerRecord<>(topic, partition, key, value)));
	}

	/**
	 * The dead letter whose headers say it came from that topic, partition and offset, if
	 * there is one.
	 */
	Optional<ConsumerRecord<String, byte[]>> deadLetter(RecordMetadata source, Duration wait) {
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

	static String text(ConsumerRecord<?, ?> record, String header) {
		Header last = record.headers().lastHeader(header);
		return (last != null) ? new String(last.value(), StandardCharsets.UTF_8) : null;
	}

	static Number number(ConsumerRecord<?, ?> record, String header) {
		Header last = record.headers().lastHeader(header);
		if (last == null) {
			return null;
		}
		ByteBuffer buffer = ByteBuffer.wrap(last.value());
		return (last.value().length == Integer.BYTES) ? (Number) buffer.getInt() : (Number) buffer.getLong();
	}

	private static RecordMetadata await(java.util.concurrent.Future<RecordMetadata> sent) {
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
	}

}
