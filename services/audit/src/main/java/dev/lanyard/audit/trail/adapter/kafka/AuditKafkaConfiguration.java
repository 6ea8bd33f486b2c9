package dev.lanyard.audit.trail.adapter.kafka;

import java.util.List;
import java.util.Set;

import dev.lanyard.audit.AuditProperties;
import dev.lanyard.audit.trail.application.EventRejectedException;
import dev.lanyard.audit.trail.application.RecordEvents;
import dev.lanyard.audit.trail.application.TrailUnavailableException;
import dev.lanyard.platform.kafka.consumer.ConsumerErrorHandlers;
import dev.lanyard.platform.kafka.consumer.ConsumerSetUp;
import dev.lanyard.platform.registry.RegistryProperties;

import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * Consumes every topic as batches with the platform's consumer set-up; dead-letters what
 * no retry can cure (an unreadable record, an event the store refuses) and retries,
 * without end, what one can (the store or the registry unavailable).
 */
@Configuration(proxyBeanMethods = false)
class AuditKafkaConfiguration {

	@Bean
	ConsumerFactory<String, DecodedEvent> auditConsumerFactory(KafkaProperties kafka, RegistryProperties registry) {
		return ConsumerSetUp.consumerFactory(kafka, registry, new AuditRecordReader());
	}

	@Bean
	KafkaTemplate<String, Object> deadLetterTemplate(KafkaProperties kafka) {
		return ConsumerSetUp.deadLetterTemplate(kafka);
	}

	@Bean
	DefaultErrorHandler auditErrorHandler(KafkaTemplate<String, Object> deadLetterTemplate,
			AuditProperties properties) {
		// the store's refusals name SQL states, never values
		return ConsumerErrorHandlers.deadLettering(deadLetterTemplate,
				ConsumerErrorHandlers.retryUntilOver(properties.retry().initialInterval(),
						properties.retry().maxInterval()),
				List.of(TrailUnavailableException.class), Set.of(EventRejectedException.class));
	}

	@Bean
	ConcurrentKafkaListenerContainerFactory<Object, Object> kafkaListenerContainerFactory(
			ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
			ConsumerFactory<String, DecodedEvent> auditConsumerFactory, DefaultErrorHandler auditErrorHandler) {
		ConcurrentKafkaListenerContainerFactory<Object, Object> factory = ConsumerSetUp.containerFactory(configurer,
				auditConsumerFactory, auditErrorHandler);
		factory.setBatchListener(true);
		factory.getContainerProperties().setAckMode(AckMode.BATCH);
		return factory;
	}

	@Bean
	AuditEventListener auditEventListener(RecordEvents recordEvents) {
		return new AuditEventListener(recordEvents);
	}

}
