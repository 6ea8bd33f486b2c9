package dev.lanyard.tokenbroker.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.events.TokenIssued;
import dev.lanyard.platform.registry.AvroSerdes;
import dev.lanyard.platform.registry.RegistryProperties;
import dev.lanyard.tokenbroker.issuance.adapter.kafka.AuditProducerSettings;
import dev.lanyard.tokenbroker.issuance.adapter.kafka.KafkaIssuanceAuditTrail;
import dev.lanyard.tokenbroker.issuance.adapter.kafka.TokenIssuedWarmUp;
import dev.lanyard.tokenbroker.issuance.application.IssuanceAuditTrail;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.ProducerListener;

/** The producer of TokenIssued events, tuned for a request that waits for each ack. */
@Configuration(proxyBeanMethods = false)
class AuditTrailConfiguration {

	private static final Logger log = LoggerFactory.getLogger(AuditTrailConfiguration.class);

	@Bean
	ProducerFactory<String, TokenIssued> tokenIssuedProducerFactory(KafkaProperties kafka, RegistryProperties registry,
			AuditProperties audit) {
		Map<String, Object> properties = new HashMap<>(kafka.buildProducerProperties());
		properties.putAll(AvroSerdes.producerProperties(registry));
		AuditProducerSettings settings = AuditProducerSettings.forAckTimeout(audit.auditAckTimeout());
		properties.putAll(settings.overrides());
		log.info("TokenIssued producer overrides (these win over spring.kafka.producer.*): {}", settings.describe());
		return new DefaultKafkaProducerFactory<>(properties);
	}

	@Bean
	KafkaTemplate<String, TokenIssued> tokenIssuedKafkaTemplate(ProducerFactory<String, TokenIssued> producers) {
		KafkaTemplate<String, TokenIssued> template = new KafkaTemplate<>(producers);
		// The default listener logs failed records with their payload at ERROR; the
		// request path already logs each refusal once, by client and token id.
		template.setProducerListener(new ProducerListener<>() {
		});
		return template;
	}

	@Bean
	IssuanceAuditTrail issuanceAuditTrail(KafkaTemplate<String, TokenIssued> tokenIssuedKafkaTemplate,
			AuditProperties audit) {
		return new KafkaIssuanceAuditTrail(tokenIssuedKafkaTemplate, audit.auditAckTimeout());
	}

	/**
	 * Warms the producer up once the service is up and before it reports itself ready to
	 * take traffic (listeners of ApplicationReadyEvent run before that), for at most 15
	 * s.
	 */
	@Bean
	ApplicationListener<ApplicationReadyEvent> tokenIssuedProducerWarmUp(
			KafkaTemplate<String, TokenIssued> tokenIssuedKafkaTemplate, KafkaProperties kafka,
			RegistryProperties registry) {
		Map<String, Object> serializerConfig = new HashMap<>(kafka.buildProducerProperties());
		serializerConfig.putAll(AvroSerdes.producerProperties(registry));
		TokenIssuedWarmUp warmUp = new TokenIssuedWarmUp(tokenIssuedKafkaTemplate, serializerConfig,
				Duration.ofSeconds(15));
		return (event) -> warmUp.run();
	}

}
