package dev.lanyard.platform.kafka.producer;

import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.platform.kafka.AwaitedProducerSettings;
import dev.lanyard.platform.registry.AvroSerdes;
import dev.lanyard.platform.registry.RegistryProperties;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.ProducerListener;

/**
 * Producers of Avro events whose sends a caller awaits: {@code spring.kafka.producer.*},
 * the registry serdes, then {@link AwaitedProducerSettings} over both, logged once.
 */
public final class AvroProducers {

	private static final Logger log = LoggerFactory.getLogger(AvroProducers.class);

	private AvroProducers() {
	}

	/**
	 * {@code spring.kafka.producer.*} with the registry serdes: also a warm-up's
	 * serializer settings.
	 */
	public static Map<String, Object> properties(KafkaProperties kafka, RegistryProperties registry) {
		if (kafka == null || registry == null) {
			throw new IllegalArgumentException("kafka and registry cannot be null");
		}
		Map<String, Object> properties = new HashMap<>(kafka.buildProducerProperties());
		properties.putAll(AvroSerdes.producerProperties(registry));
		return properties;
	}

	/**
	 * A template over {@link #properties} with {@code settings} over them, that does not
	 * log failed records (Spring's default listener logs them with their payload at
	 * ERROR; callers log each failure once, by ids). Declared as a bean, it flushes and
	 * closes its producer at shutdown: a template given overrides owns its producer
	 * factory.
	 * @param name names the producer in the start-up log line, e.g. {@code TokenIssued}
	 */
	public static <V> KafkaTemplate<String, V> awaitedTemplate(String name, KafkaProperties kafka,
			RegistryProperties registry, AwaitedProducerSettings settings) {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("name cannot be blank");
		}
		if (settings == null) {
			throw new IllegalArgumentException("settings cannot be null");
		}
		log.info("{} producer overrides (these win over spring.kafka.producer.*): {}", name, settings.describe());
		KafkaTemplate<String, V> template = new KafkaTemplate<>(
				new DefaultKafkaProducerFactory<>(properties(kafka, registry)), settings.overrides());
		template.setProducerListener(new ProducerListener<>() {
		});
		return template;
	}

}
