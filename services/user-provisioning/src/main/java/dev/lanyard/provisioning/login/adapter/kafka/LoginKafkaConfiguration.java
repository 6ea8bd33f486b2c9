package dev.lanyard.provisioning.login.adapter.kafka;

import java.util.HashMap;
import java.util.Map;

import dev.lanyard.events.UserLoggedIn;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.platform.registry.AvroSerdes;
import dev.lanyard.platform.registry.RegistryProperties;
import dev.lanyard.provisioning.events.application.EventsUnavailableException;
import dev.lanyard.provisioning.login.application.SignInUser;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Consumes UserLoggedIn one record at a time, committing each offset after the record's
 * transaction. What a retry can cure (Kafka, the database or the registry unreachable, a
 * concurrent sign-in creating the same user or group) is retried without end, with
 * back-off; everything else, unreadable records first, goes to the dead letter topic at
 * once, so a partition never stalls on a bad record.
 */
@Configuration(proxyBeanMethods = false)
class LoginKafkaConfiguration {

	private static final Log logger = LogFactory.getLog(LoginKafkaConfiguration.class);

	@Bean
	ConsumerFactory<String, UserLoggedIn> loginConsumerFactory(KafkaProperties kafka, RegistryProperties registry) {
		Map<String, Object> props = new HashMap<>(kafka.buildConsumerProperties());
		props.putAll(AvroSerdes.consumerProperties(registry));
		props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class);
		props.put(ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, LoginEventDeserializer.class);
		override(props, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
				"an offset is committed only after its sign-in was applied");
		return new DefaultKafkaConsumerFactory<>(props);
	}

	@Bean
	KafkaTemplate<String, Object> loginDeadLetterTemplate(KafkaProperties kafka, RegistryProperties registry) {
		Map<String, Object> props = new HashMap<>(kafka.buildProducerProperties());
		props.putAll(AvroSerdes.producerProperties(registry));
		props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, DeadLetterSerializer.class);
		override(props, ProducerConfig.ACKS_CONFIG, "all", "a dead-lettered record must not be lost");
		return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(props));
	}

	@Bean
	DefaultErrorHandler loginErrorHandler(KafkaTemplate<String, Object> loginDeadLetterTemplate) {
		DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(loginDeadLetterTemplate,
				(record, ex) -> new TopicPartition(Topics.DEAD_LETTER, -1));
		ConsumerAwareRecordRecoverer recoverer = (record, consumer, ex) -> {
			deadLetters.accept(record, consumer, ex);
			logger.warn("Dead-lettered " + KafkaUtils.format(record) + " to " + Topics.DEAD_LETTER + ": " + reason(ex));
		};
		ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
		backOff.setMaxInterval(5_000);
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
		handler.defaultFalse();
		handler.addRetryableExceptions(EventsUnavailableException.class, RegistryUnavailableException.class,
				TransientDataAccessException.class, DataAccessResourceFailureException.class,
				CannotCreateTransactionException.class, DuplicateKeyException.class);
		handler.setLogLevel(KafkaException.Level.WARN);
		return handler;
	}

	@Bean
	ConcurrentKafkaListenerContainerFactory<Object, Object> kafkaListenerContainerFactory(
			ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
			ConsumerFactory<String, UserLoggedIn> loginConsumerFactory, DefaultErrorHandler loginErrorHandler) {
		ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
		configurer.configure(factory, widen(loginConsumerFactory));
		factory.setCommonErrorHandler(loginErrorHandler);
		factory.getContainerProperties().setAckMode(AckMode.RECORD);
		return factory;
	}

	@Bean
	UserLoggedInListener userLoggedInListener(SignInUser signInUser) {
		return new UserLoggedInListener(signInUser);
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

	/**
	 * Why, in words fit for logs: the deserializer's own message for an unreadable record
	 * (it names types only), else exception types, since a driver's message may quote
	 * record content.
	 */
	static String reason(Exception ex) {
		Throwable root = ex;
		for (Throwable cause = ex; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			if (cause instanceof DeserializationException && cause.getCause() != null) {
				return "unreadable record: " + cause.getCause().getMessage();
			}
			root = cause;
		}
		return (root == ex) ? ex.getClass().getName()
				: ex.getClass().getName() + " caused by " + root.getClass().getName();
	}

}
