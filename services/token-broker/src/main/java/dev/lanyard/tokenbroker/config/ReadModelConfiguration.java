package dev.lanyard.tokenbroker.config;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.tokenbroker.integrations.IntegrationCacheProperties;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.platform.registry.AvroSerdes;
import dev.lanyard.platform.registry.RegistryProperties;
import dev.lanyard.tokenbroker.integrations.adapter.jdbc.CachingIntegrationReadModel;
import dev.lanyard.tokenbroker.integrations.adapter.jdbc.JdbcIntegrationReadModel;
import dev.lanyard.tokenbroker.integrations.application.IntegrationReadModel;
import dev.lanyard.tokenbroker.integrations.application.UpdateIntegrationReadModel;
import dev.lanyard.tokenbroker.issuance.application.AuditTrailUnavailableException;
import dev.lanyard.tokenbroker.readmodels.adapter.kafka.DeadLetterValueSerializer;
import dev.lanyard.tokenbroker.readmodels.adapter.kafka.ReadModelEventListener;
import dev.lanyard.tokenbroker.sessions.application.EndedSessions;
import dev.lanyard.tokenbroker.sessions.application.SignIns;
import dev.lanyard.tokenbroker.readmodels.adapter.kafka.ReadModelRecord;
import dev.lanyard.tokenbroker.readmodels.adapter.kafka.ReadModelRecordDeserializer;
import dev.lanyard.tokenbroker.readmodels.adapter.kafka.RegistryUnavailableException;
import dev.lanyard.tokenbroker.readmodels.adapter.kafka.UnreadableRecordException;
import dev.lanyard.tokenbroker.users.adapter.jdbc.JdbcUserReadModel;
import dev.lanyard.tokenbroker.users.application.AwaitUser;
import dev.lanyard.tokenbroker.users.application.UpdateUserReadModel;
import dev.lanyard.tokenbroker.users.application.UserArrivals;
import dev.lanyard.tokenbroker.users.application.UserDeactivationListener;
import dev.lanyard.tokenbroker.users.application.UserReadModel;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The user and integration read models and the Kafka consumer that keeps them: Apicurio
 * Avro serdes wrapped in an {@link ErrorHandlingDeserializer}; records no retry can cure
 * go to {@link Topics#DEAD_LETTER} at once (raw bytes, reason in a header), a database or
 * registry outage is retried with back-off (up to 10 s apart) until it is over.
 */
@Configuration(proxyBeanMethods = false)
class ReadModelConfiguration {

	/** Header of a dead-lettered record saying why, in words fit for logs. */
	static final String REASON_HEADER = "lanyard_dlt-reason";

	private static final Logger log = LoggerFactory.getLogger(ReadModelConfiguration.class);

	@Bean
	UserArrivals userArrivals() {
		return new UserArrivals();
	}

	@Bean
	@DependsOnDatabaseInitialization
	UserReadModel userReadModel(JdbcClient jdbc) {
		return new JdbcUserReadModel(jdbc);
	}

	@Bean
	UpdateUserReadModel updateUserReadModel(UserReadModel users, UserArrivals arrivals,
			List<UserDeactivationListener> deactivationListeners) {
		return new UpdateUserReadModel(users, arrivals, deactivationListeners);
	}

	@Bean
	AwaitUser awaitUser(UserReadModel users, UserArrivals arrivals) {
		return new AwaitUser(users, arrivals);
	}

	@Bean
	@DependsOnDatabaseInitialization
	IntegrationReadModel integrationReadModel(JdbcClient jdbc, IntegrationCacheProperties cache) {
		return new CachingIntegrationReadModel(new JdbcIntegrationReadModel(jdbc), cache.timeToLive(),
				cache.maximumSize());
	}

	@Bean
	UpdateIntegrationReadModel updateIntegrationReadModel(IntegrationReadModel integrations) {
		return new UpdateIntegrationReadModel(integrations);
	}

	@Bean
	ReadModelEventListener readModelEventListener(UpdateUserReadModel users, UpdateIntegrationReadModel integrations,
			EndedSessions endedSessions, SignIns signIns) {
		return new ReadModelEventListener(users, integrations, endedSessions, signIns);
	}

	@Bean
	ConcurrentKafkaListenerContainerFactory<String, ReadModelRecord> readModelContainerFactory(KafkaProperties kafka,
			RegistryProperties registry) {
		Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
		consumer.putAll(AvroSerdes.consumerProperties(registry));
		consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class);
		consumer.put(ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, ReadModelRecordDeserializer.class);
		override(consumer, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				"a new group reads the snapshots from the start");
		override(consumer, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
				"offsets are committed only after the read model is updated");
		ConcurrentKafkaListenerContainerFactory<String, ReadModelRecord> factory = new ConcurrentKafkaListenerContainerFactory<>();
		factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(consumer));
		factory.setCommonErrorHandler(errorHandler(kafka));
		return factory;
	}

	private static DefaultErrorHandler errorHandler(KafkaProperties kafka) {
		Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
		producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, DeadLetterValueSerializer.class);
		override(producer, ProducerConfig.ACKS_CONFIG, "all", "a dead-lettered record must not be lost");
		KafkaTemplate<String, Object> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer));
		DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(Topics.DEAD_LETTER, -1));
		deadLetters.setHeadersFunction(
				(record, ex) -> new RecordHeaders().add(REASON_HEADER, reason(ex).getBytes(StandardCharsets.UTF_8)));
		ConsumerAwareRecordRecoverer recoverer = (record, consumer, ex) -> {
			deadLetters.accept(record, consumer, ex);
			log.warn("Dead-lettered {} to {}: {}", KafkaUtils.format(record), Topics.DEAD_LETTER, reason(ex));
		};
		ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
		backOff.setMaxInterval(10_000);
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
		// Only failures a retry can cure are retried (until they are over); everything
		// else is dead-lettered at once.
		handler.defaultFalse();
		handler.addRetryableExceptions(RegistryUnavailableException.class, TransientDataAccessException.class,
				RecoverableDataAccessException.class, DataAccessResourceFailureException.class,
				AuditTrailUnavailableException.class);
		handler.setLogLevel(KafkaException.Level.WARN);
		return handler;
	}

	private static void override(Map<String, Object> props, String key, Object value, String why) {
		Object configured = props.put(key, value);
		if (configured != null && !String.valueOf(configured).equals(String.valueOf(value))) {
			log.info("Overriding {}={} with {}: {}", key, configured, value, why);
		}
	}

	/** Our own exceptions' messages name types and fields only, never record content. */
	static String reason(Exception ex) {
		for (Throwable cause = ex; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			if (cause instanceof UnreadableRecordException) {
				return cause.getMessage();
			}
		}
		return ex.getClass().getName();
	}

}
