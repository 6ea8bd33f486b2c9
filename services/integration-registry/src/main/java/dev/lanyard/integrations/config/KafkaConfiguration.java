package dev.lanyard.integrations.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.events.IntegrationChanged;
import dev.lanyard.integrations.integration.adapter.kafka.KafkaIntegrationEvents;
import dev.lanyard.integrations.integration.application.IntegrationEvents;
import dev.lanyard.platform.kafka.AwaitedProducerSettings;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.platform.registry.AvroSerdes;
import dev.lanyard.platform.registry.RegistryProperties;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.ProducerListener;

/**
 * The producer of IntegrationChanged snapshots, tuned for a change that waits for its
 * ack.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	private static final Logger log = LoggerFactory.getLogger(KafkaConfiguration.class);

	@Bean
	ProducerFactory<String, IntegrationChanged> integrationChangedProducerFactory(KafkaProperties kafka,
			RegistryProperties registry, IntegrationsProperties settings) {
		Map<String, Object> properties = new HashMap<>(kafka.buildProducerProperties());
		properties.putAll(AvroSerdes.producerProperties(registry));
		// A snapshot whose change was rolled back must not arrive later: the change waits
		// for its ack inside the database transaction.
		AwaitedProducerSettings overrides = AwaitedProducerSettings.forAckTimeout(settings.publishAckTimeout());
		properties.putAll(overrides.overrides());
		log.info(
				"IntegrationChanged producer overrides for lanyard.integrations.publish-ack-timeout={} (these win over spring.kafka.producer.*): {}",
				settings.publishAckTimeout(), overrides.describe());
		return new DefaultKafkaProducerFactory<>(properties);
	}

	@Bean
	KafkaTemplate<String, IntegrationChanged> integrationChangedKafkaTemplate(
			ProducerFactory<String, IntegrationChanged> producers) {
		KafkaTemplate<String, IntegrationChanged> template = new KafkaTemplate<>(producers);
		// The default listener logs a failed record with its payload; the request path
		// logs each refusal once, by integration id.
		template.setProducerListener(new ProducerListener<>() {
		});
		return template;
	}

	@Bean
	IntegrationEvents integrationEvents(KafkaTemplate<String, IntegrationChanged> integrationChangedKafkaTemplate,
			IntegrationsProperties settings) {
		return new KafkaIntegrationEvents(integrationChangedKafkaTemplate, settings.publishAckTimeout());
	}

	/**
	 * Pays the first send's one-off costs (connection, metadata, producer id, the
	 * serializer's schema lookup) before the first change, best effort: Kafka or the
	 * registry may still be starting. Nothing is sent.
	 */
	@Bean
	ApplicationListener<ApplicationReadyEvent> integrationChangedWarmUp(
			KafkaTemplate<String, IntegrationChanged> integrationChangedKafkaTemplate, KafkaProperties kafka,
			RegistryProperties registry) {
		Map<String, Object> serializerConfig = new HashMap<>(kafka.buildProducerProperties());
		serializerConfig.putAll(AvroSerdes.producerProperties(registry));
		return (event) -> Thread.ofVirtual().name("integration-changed-warm-up").start(() -> {
			try {
				integrationChangedKafkaTemplate.partitionsFor(Topics.INTEGRATION_CHANGED.name());
			}
			catch (RuntimeException ex) {
				log.info("Kafka not reachable yet for {}: {}", Topics.INTEGRATION_CHANGED.name(),
						ex.getClass().getSimpleName());
			}
			try (AvroKafkaSerializer<IntegrationChanged> serializer = new AvroKafkaSerializer<>()) {
				serializer.configure(serializerConfig, false);
				serializer.serialize(Topics.INTEGRATION_CHANGED.name(), sample());
			}
			catch (RuntimeException ex) {
				log.info("Schema registry not reachable yet for {}: {}", Topics.INTEGRATION_CHANGED.valueSubject(),
						ex.getClass().getSimpleName());
			}
		});
	}

	private static IntegrationChanged sample() {
		return IntegrationChanged.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOccurredAt(java.time.Instant.now())
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
