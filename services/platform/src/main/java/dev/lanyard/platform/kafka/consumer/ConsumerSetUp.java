package dev.lanyard.platform.kafka.consumer;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.platform.kafka.ClientSetting;
import dev.lanyard.platform.registry.AvroSerdes;
import dev.lanyard.platform.registry.RegistryProperties;

import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * A Lanyard consumer's factories: Apicurio Avro values read by an
 * {@link AvroRecordDeserializer} inside an {@link ErrorHandlingDeserializer}, offsets
 * committed by the container only, and the dead-letter producer. Which topics, which
 * group, batch or single, and what a record maps to stay with the service.
 */
public final class ConsumerSetUp {

	private static final Logger log = LoggerFactory.getLogger(ConsumerSetUp.class);

	private static final ClientSetting NO_AUTO_COMMIT = new ClientSetting(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
			false, "an offset is committed only after its record was handled");

	private ConsumerSetUp() {
	}

	/**
	 * A consumer factory over {@code spring.kafka.consumer.*} whose values {@code reader}
	 * maps; {@code settings} go over everything else.
	 */
	public static <V> ConsumerFactory<String, V> consumerFactory(KafkaProperties kafka, RegistryProperties registry,
			RecordReader<V> reader, ClientSetting... settings) {
		if (kafka == null || registry == null) {
			throw new IllegalArgumentException("kafka and registry cannot be null");
		}
		if (reader == null) {
			throw new IllegalArgumentException("reader cannot be null");
		}
		Map<String, Object> properties = new HashMap<>(kafka.buildConsumerProperties());
		properties.putAll(AvroSerdes.consumerProperties(registry));
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class);
		NO_AUTO_COMMIT.applyTo(properties, log);
		for (ClientSetting setting : settings) {
			setting.applyTo(properties, log);
		}
		// one deserializer per consumer, each configured by the factory with these
		// properties
		return new DefaultKafkaConsumerFactory<>(properties, StringDeserializer::new,
				() -> new ErrorHandlingDeserializer<>(new AvroRecordDeserializer<>(reader)));
	}

	/**
	 * A container factory with Spring Boot's {@code spring.kafka.listener.*} applied,
	 * then {@code errorHandler}. Ack mode and batch mode are the caller's to set.
	 */
	@SuppressWarnings("unchecked")
	public static ConcurrentKafkaListenerContainerFactory<Object, Object> containerFactory(
			ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<String, ?> consumerFactory,
			CommonErrorHandler errorHandler) {
		if (configurer == null || consumerFactory == null || errorHandler == null) {
			throw new IllegalArgumentException("configurer, consumerFactory and errorHandler cannot be null");
		}
		ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
		configurer.configure(factory, (ConsumerFactory<Object, Object>) (ConsumerFactory<?, ?>) consumerFactory);
		factory.setCommonErrorHandler(errorHandler);
		return factory;
	}

	/**
	 * The producer of dead letters: string keys, values as read
	 * ({@link DeadLetterValueSerializer}), {@code acks=all}.
	 */
	public static KafkaTemplate<String, Object> deadLetterTemplate(KafkaProperties kafka) {
		if (kafka == null) {
			throw new IllegalArgumentException("kafka cannot be null");
		}
		Map<String, Object> properties = new HashMap<>(kafka.buildProducerProperties());
		properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, DeadLetterValueSerializer.class);
		new ClientSetting(ProducerConfig.ACKS_CONFIG, "all", "a dead-lettered record must not be lost")
			.applyTo(properties, log);
		return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(properties));
	}

}
