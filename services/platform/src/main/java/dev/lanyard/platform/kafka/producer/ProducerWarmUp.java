package dev.lanyard.platform.kafka.producer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.platform.kafka.Topic;

import org.springframework.kafka.core.KafkaOperations;

/**
 * Pays a producer's first send's one-off costs before the service takes traffic, so the
 * first request does not run into its ack timeout: the producer's connection, each
 * topic's metadata, and the serializer's registry client and schema lookup (a throwaway
 * serializer with the same settings serializes a sample event; nothing is sent). Best
 * effort and bounded: Kafka or the registry may still be starting.
 */
public final class ProducerWarmUp {

	private static final Logger log = LoggerFactory.getLogger(ProducerWarmUp.class);

	private final String name;

	private final KafkaOperations<String, ?> kafka;

	private final Map<String, Object> serializerConfig;

	private final List<Sample<?>> samples;

	/**
	 * @param name names the producer in log lines
	 * @param kafka the producer to warm up
	 * @param serializerConfig the producer's properties, for the throwaway serializer
	 * @param samples one per topic the producer sends to
	 */
	public ProducerWarmUp(String name, KafkaOperations<String, ?> kafka, Map<String, Object> serializerConfig,
			List<Sample<?>> samples) {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("name cannot be blank");
		}
		if (kafka == null) {
			throw new IllegalArgumentException("kafka cannot be null");
		}
		if (serializerConfig == null) {
			throw new IllegalArgumentException("serializerConfig cannot be null");
		}
		if (samples == null || samples.isEmpty() || samples.stream().anyMatch(Objects::isNull)) {
			throw new IllegalArgumentException("samples cannot be empty or hold null");
		}
		this.name = name;
		this.kafka = kafka;
		this.serializerConfig = Map.copyOf(serializerConfig);
		this.samples = List.copyOf(samples);
	}

	/**
	 * Warms up for at most {@code timeout}; what is not done by then goes on in the
	 * background.
	 */
	public void run(Duration timeout) {
		if (timeout == null || timeout.isNegative()) {
			throw new IllegalArgumentException("timeout cannot be null or negative");
		}
		long started = System.nanoTime();
		Thread warmUp = start();
		try {
			if (!warmUp.join(timeout)) {
				log.info("{} producer warm-up still running after {} ms; continuing in the background", this.name,
						timeout.toMillis());
				return;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		log.info("{} producer warmed up in {} ms", this.name, (System.nanoTime() - started) / 1_000_000);
	}

	/** Warms up in the background. */
	public Thread start() {
		return Thread.ofVirtual().name(this.name + "-warm-up").start(this::warmUp);
	}

	private void warmUp() {
		for (Sample<?> sample : this.samples) {
			warmUp(sample);
		}
	}

	private <V extends SpecificRecord> void warmUp(Sample<V> sample) {
		String topic = sample.topic().name();
		try {
			this.kafka.partitionsFor(topic);
		}
		catch (RuntimeException ex) {
			log.info("Kafka not reachable yet for {}: {}", topic, ex.getClass().getSimpleName());
		}
		try (AvroKafkaSerializer<V> serializer = new AvroKafkaSerializer<>()) {
			serializer.configure(this.serializerConfig, false);
			serializer.serialize(topic, sample.event());
		}
		catch (RuntimeException ex) {
			log.info("Schema registry not reachable yet for {}: {}", sample.topic().valueSubject(),
					ex.getClass().getSimpleName());
		}
	}

	/**
	 * A topic and an event the serializer can write for it (any values; it is never
	 * sent).
	 *
	 * @param topic the topic
	 * @param event a sample event
	 * @param <V> the event type
	 */
	public record Sample<V extends SpecificRecord>(Topic<V> topic, V event) {

		public Sample {
			if (topic == null) {
				throw new IllegalArgumentException("topic cannot be null");
			}
			if (event == null) {
				throw new IllegalArgumentException("event cannot be null");
			}
		}

	}

}
