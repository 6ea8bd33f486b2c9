package dev.lanyard.tokenbroker.config;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;

import dev.lanyard.platform.kafka.ClientSetting;
import dev.lanyard.tokenbroker.federation.application.FederationTrusts;
import dev.lanyard.tokenbroker.integrations.IntegrationCacheProperties;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.platform.kafka.consumer.ConsumerErrorHandlers;
import dev.lanyard.platform.kafka.consumer.ConsumerSetUp;
import dev.lanyard.platform.kafka.consumer.RecordReader;
import dev.lanyard.platform.registry.RegistryProperties;
import dev.lanyard.tokenbroker.integrations.adapter.jdbc.CachingIntegrationReadModel;
import dev.lanyard.tokenbroker.integrations.adapter.jdbc.JdbcIntegrationReadModel;
import dev.lanyard.tokenbroker.integrations.application.IntegrationReadModel;
import dev.lanyard.tokenbroker.integrations.application.UpdateIntegrationReadModel;
import dev.lanyard.tokenbroker.integrations.application.VettedIntegrationReadModel;
import dev.lanyard.tokenbroker.external.ExternalServicesProperties;
import dev.lanyard.platform.outbound.AddressPolicy;
import dev.lanyard.platform.outbound.EndpointRule;
import dev.lanyard.tokenbroker.issuance.application.AuditTrailUnavailableException;
import dev.lanyard.tokenbroker.readmodels.adapter.kafka.ReadModelEventListener;
import dev.lanyard.tokenbroker.sessions.application.EndedSessions;
import dev.lanyard.tokenbroker.sessions.application.SessionEndListener;
import dev.lanyard.tokenbroker.sessions.application.SignIns;
import dev.lanyard.tokenbroker.users.adapter.jdbc.JdbcUserReadModel;
import dev.lanyard.tokenbroker.users.application.AwaitUser;
import dev.lanyard.tokenbroker.users.application.UpdateUserReadModel;
import dev.lanyard.tokenbroker.users.application.UserArrivals;
import dev.lanyard.tokenbroker.users.application.UserDeactivationListener;
import dev.lanyard.tokenbroker.users.application.UserReadModel;

import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The user and integration read models and the Kafka consumer that keeps them, with the
 * platform's consumer set-up: records no retry can cure go to {@link Topics#DEAD_LETTER}
 * at once (raw bytes, reason in a header), a database, audit trail or registry outage is
 * retried with back-off (up to 10 s apart) until it is over.
 */
@Configuration(proxyBeanMethods = false)
class ReadModelConfiguration {

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
	IntegrationReadModel integrationReadModel(JdbcClient jdbc, IntegrationCacheProperties cache,
			ExternalServicesProperties external) {
		// the endpoint rule is checked below the cache: once per snapshot stored or
		// loaded
		EndpointRule rule = new EndpointRule(new AddressPolicy(external.allowPrivateEndpoints()));
		return new CachingIntegrationReadModel(new VettedIntegrationReadModel(new JdbcIntegrationReadModel(jdbc), rule),
				cache.timeToLive(), cache.maximumSize());
	}

	@Bean
	UpdateIntegrationReadModel updateIntegrationReadModel(IntegrationReadModel integrations) {
		return new UpdateIntegrationReadModel(integrations);
	}

	@Bean
	ReadModelEventListener readModelEventListener(UpdateUserReadModel users, UpdateIntegrationReadModel integrations,
			EndedSessions endedSessions, SignIns signIns, Clock clock, FederationTrusts federations,
			List<SessionEndListener> sessionEndListeners) {
		return new ReadModelEventListener(users, integrations, endedSessions, signIns, clock, federations,
				sessionEndListeners);
	}

	@Bean
	KafkaTemplate<String, Object> readModelDeadLetterTemplate(KafkaProperties kafka) {
		return ConsumerSetUp.deadLetterTemplate(kafka);
	}

	@Bean
	ConcurrentKafkaListenerContainerFactory<Object, Object> readModelContainerFactory(
			ConcurrentKafkaListenerContainerFactoryConfigurer configurer, KafkaProperties kafka,
			RegistryProperties registry, KafkaTemplate<String, Object> readModelDeadLetterTemplate) {
		List<Class<? extends Exception>> retryable = new ArrayList<>(ConsumerErrorHandlers.DATABASE_OUTAGES);
		retryable.add(AuditTrailUnavailableException.class);
		return ConsumerSetUp.containerFactory(configurer,
				ConsumerSetUp.consumerFactory(kafka, registry, RecordReader.anyEventWithBytes(),
						new ClientSetting(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
								"a new group reads the snapshots from the start")),
				ConsumerErrorHandlers.deadLettering(readModelDeadLetterTemplate,
						ConsumerErrorHandlers.retryUntilOver(Duration.ofMillis(200), Duration.ofSeconds(10)), retryable,
						Set.of()));
	}

}
