package dev.lanyard.integrations.config;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.lanyard.events.IntegrationChanged;
import dev.lanyard.integrations.integration.adapter.kafka.KafkaIntegrationEvents;
import dev.lanyard.integrations.integration.application.IntegrationEvents;
import dev.lanyard.platform.kafka.AwaitedProducerSettings;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.platform.kafka.producer.AvroProducers;
import dev.lanyard.platform.kafka.producer.ProducerWarmUp;
import dev.lanyard.platform.registry.RegistryProperties;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The producer of IntegrationChanged snapshots, tuned for a change that waits for its
 * ack.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	@Bean
	KafkaTemplate<String, IntegrationChanged> integrationChangedKafkaTemplate(KafkaProperties kafka,
			RegistryProperties registry, IntegrationsProperties settings) {
		// A snapshot whose change was rolled back must not arrive later: the change waits
		// for its ack (lanyard.integrations.publish-ack-timeout) inside the database
		// transaction.
		return AvroProducers.awaitedTemplate("IntegrationChanged", kafka, registry,
				AwaitedProducerSettings.forAckTimeout(settings.publishAckTimeout()));
	}

	@Bean
	IntegrationEvents integrationEvents(KafkaTemplate<String, IntegrationChanged> integrationChangedKafkaTemplate,
			IntegrationsProperties settings) {
		return new KafkaIntegrationEvents(integrationChangedKafkaTemplate, settings.publishAckTimeout());
	}

	/**
	 * Pays the first send's one-off costs before the first change, in the background: a
	 * change is rare, and this service's readiness does not wait for Kafka.
	 */
	@Bean
	ApplicationListener<ApplicationReadyEvent> integrationChangedWarmUp(
			KafkaTemplate<String, IntegrationChanged> integrationChangedKafkaTemplate, KafkaProperties kafka,
			RegistryProperties registry) {
		ProducerWarmUp warmUp = new ProducerWarmUp("IntegrationChanged", integrationChangedKafkaTemplate,
				AvroProducers.properties(kafka, registry),
				List.of(new ProducerWarmUp.Sample<>(Topics.INTEGRATION_CHANGED, sample())));
		return (event) -> warmUp.start();
	}

	private static IntegrationChanged sample() {
		return IntegrationChanged.newBuilder()
			.setEventId(new UUID(0, 0))
			.setOccurredAt(Instant.EPOCH)
			.setCorrelationId("warm-up")
			.setProducer(KafkaIntegrationEvents.PRODUCER)
			.setIntegrationId("warm-up")
			.setName("warm-up")
			.setTemplate("custom")
			.setKind("service-account")
			.setTokenEndpoint("https://warm-up.invalid/token")
			.setClientId("warm-up")
			.setSecretVersion(0)
			.setScopes(List.of())
			.setAllowedGroupIds(List.of())
			.setContentIds(List.of())
			.build();
	}

}
