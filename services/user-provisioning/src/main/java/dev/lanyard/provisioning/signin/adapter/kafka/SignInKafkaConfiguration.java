package dev.lanyard.provisioning.signin.adapter.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.lanyard.events.UserLoggedIn;
import dev.lanyard.platform.kafka.consumer.ConsumerErrorHandlers;
import dev.lanyard.platform.kafka.consumer.ConsumerSetUp;
import dev.lanyard.platform.kafka.consumer.ReadEvent;
import dev.lanyard.platform.kafka.consumer.RecordReader;
import dev.lanyard.platform.registry.RegistryProperties;
import dev.lanyard.provisioning.directory.application.EventsUnavailableException;
import dev.lanyard.provisioning.signin.application.SignInUser;

import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * Consumes UserLoggedIn one record at a time, committing each offset after the record's
 * transaction, with the platform's consumer set-up. What a retry can cure (Kafka, the
 * database or the registry unreachable, a concurrent sign-in creating the same user or
 * group) is retried without end, with back-off up to 5 s apart; everything else,
 * unreadable records first, goes to the dead letter topic at once, as it was read, so a
 * partition never stalls on a bad record.
 */
@Configuration(proxyBeanMethods = false)
class SignInKafkaConfiguration {

	@Bean
	ConsumerFactory<String, ReadEvent<UserLoggedIn>> loginConsumerFactory(KafkaProperties kafka,
			RegistryProperties registry) {
		return ConsumerSetUp.consumerFactory(kafka, registry, RecordReader.only(UserLoggedIn.class));
	}

	@Bean
	KafkaTemplate<String, Object> loginDeadLetterTemplate(KafkaProperties kafka) {
		return ConsumerSetUp.deadLetterTemplate(kafka);
	}

	@Bean
	DefaultErrorHandler loginErrorHandler(KafkaTemplate<String, Object> loginDeadLetterTemplate) {
		List<Class<? extends Exception>> retryable = new ArrayList<>(ConsumerErrorHandlers.DATABASE_OUTAGES);
		retryable.add(EventsUnavailableException.class);
		retryable.add(DuplicateKeyException.class);
		return ConsumerErrorHandlers.deadLettering(loginDeadLetterTemplate,
				ConsumerErrorHandlers.retryUntilOver(Duration.ofMillis(200), Duration.ofSeconds(5)), retryable,
				Set.of());
	}

	@Bean
	ConcurrentKafkaListenerContainerFactory<Object, Object> kafkaListenerContainerFactory(
			ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
			ConsumerFactory<String, ReadEvent<UserLoggedIn>> loginConsumerFactory,
			DefaultErrorHandler loginErrorHandler) {
		ConcurrentKafkaListenerContainerFactory<Object, Object> factory = ConsumerSetUp.containerFactory(configurer,
				loginConsumerFactory, loginErrorHandler);
		factory.getContainerProperties().setAckMode(AckMode.RECORD);
		return factory;
	}

	@Bean
	UserLoggedInListener userLoggedInListener(SignInUser signInUser) {
		return new UserLoggedInListener(signInUser);
	}

}
