package dev.lanyard.audit.trail.adapter.kafka;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import dev.lanyard.audit.AuditProperties;
import dev.lanyard.audit.trail.application.EventRejectedException;
import dev.lanyard.audit.trail.application.RecordEvents;
import dev.lanyard.audit.trail.application.TrailUnavailableException;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.platform.registry.AvroSerdes;
import dev.lanyard.platform.registry.RegistryProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Consumes every topic with the Apicurio Avro serdes wrapped in an
 * {@link ErrorHandlingDeserializer}, as batches; dead-letters what no retry can cure and
 * retries, without end, what one can.
 */
@Configuration(proxyBeanMethods = false)
class AuditKafkaConfiguration {

	/** Header of a dead-lettered record saying why, in words fit for logs. */
	static final String REASON_HEADER = "lanyard_dlt-reason";

	private static final Log logger = LogFactory.getLog(AuditKafkaConfiguration.class);

	@Bean
	ConsumerFactory<String, DecodedEvent> auditConsumerFactory(KafkaProperties kafka, RegistryProperties registry) {
		Map<String, Object> props = new HashMap<>(kafka.buildConsumerProperties());
		props.putAll(AvroSerdes.consumerProperties(registry));
		props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class);
		props.put(ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, AuditRecordDeserializer.class);
		override(props, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
				"offsets are committed only after the batch is stored");
		return new DefaultKafkaConsumerFactory<>(props);
	}

	@Bean
	ProducerFactory<String, Object> deadLetterProducerFactory(KafkaProperties kafka) {
		Map<String, Object> props = new HashMap<>(kafka.buildProducerProperties());
		props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, DeadLetterValueSerializer.class);
		override(props, ProducerConfig.ACKS_CONFIG, "all", "a dead-lettered record must not be lost");
		return new DefaultKafkaProducerFactory<>(props);
	}

	@Bean
	KafkaTemplate<String, Object> deadLetterTemplate(ProducerFactory<String, Object> deadLetterProducerFactory) {
		return new KafkaTemplate<>(deadLetterProducerFactory);
	}

	@Bean
	DefaultErrorHandler auditErrorHandler(KafkaTemplate<String, Object> deadLetterTemplate,
			AuditProperties properties) {
		DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(deadLetterTemplate,
				(record, ex) -> new TopicPartition(Topics.DEAD_LETTER, -1));
		// Spring's exception-message header says only "failed to deserialize" for
		// unreadable values.
		deadLetters.setHeadersFunction(
				(record, ex) -> new RecordHeaders().add(REASON_HEADER, reason(ex).getBytes(StandardCharsets.UTF_8)));
		ConsumerAwareRecordRecoverer recoverer = (record, consumer, ex) -> {
			deadLetters.accept(record, consumer, ex);
			logger.warn("Dead-lettered " + KafkaUtils.format(record) + " to " + Topics.DEAD_LETTER + ": " + reason(ex));
		};
		ExponentialBackOff backOff = new ExponentialBackOff(properties.retry().initialInterval().toMillis(), 2.0);
		backOff.setMaxInterval(properties.retry().maxInterval().toMillis());
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
		// Only failures a retry can cure are retried (forever); everything else is
		// dead-lettered at once.
		handler.defaultFalse();
		handler.addRetryableExceptions(TrailUnavailableException.class, RegistryUnavailableException.class);
		handler.setLogLevel(KafkaException.Level.WARN);
		return handler;
	}

	@Bean
	ConcurrentKafkaListenerContainerFactory<Object, Object> kafkaListenerContainerFactory(
			ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
			ConsumerFactory<String, DecodedEvent> auditConsumerFactory, DefaultErrorHandler auditErrorHandler) {
		ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
		configurer.configure(factory, widen(auditConsumerFactory));
		factory.setBatchListener(true);
		factory.setCommonErrorHandler(auditErrorHandler);
		factory.getContainerProperties().setAckMode(AckMode.BATCH);
		return factory;
	}

	@Bean
	AuditEventListener auditEventListener(RecordEvents recordEvents) {
		return new AuditEventListener(recordEvents);
	}

	@SuppressWarnings("unchecked")
	private static ConsumerFactory<Object, Object> widen(ConsumerFactory<?, ?> factory) {
		return (ConsumerFactory<Object, Object>) factory;
	}

	private static void override(Map<String, Object> props, String key, Object value, String why) {
		Object configured = props.put(key, value);
		if (configured != null && !String.valueOf(configured).equals(String.valueOf(value))) {
			logger.info("Overriding " + key + "=" + configured + " with " + value + ": " + why);
		}
	}

	/** Our own exceptions' messages name types and fields only, never record content. */
	static String reason(Exception ex) {
		for (Throwable cause = ex; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			if (cause instanceof UnreadableRecordException || cause instanceof EventRejectedException) {
				return cause.getMessage();
			}
		}
		return ex.getClass().getName();
	}

}
