package dev.lanyard.provisioning.config;

import java.time.Duration;

import dev.lanyard.platform.kafka.AwaitedProducerSettings;
import dev.lanyard.platform.kafka.producer.AvroProducers;
import dev.lanyard.platform.kafka.producer.ProducerWarmUp;
import dev.lanyard.platform.registry.RegistryProperties;
import dev.lanyard.provisioning.directory.adapter.kafka.KafkaEventPublisher;
import dev.lanyard.provisioning.directory.adapter.kafka.WarmUpSamples;
import dev.lanyard.provisioning.directory.application.EventPublisher;
import org.apache.avro.specific.SpecificRecord;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

/** The producer of this service's events, tuned for callers that wait for each ack. */
@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

	private static final Duration WARM_UP_TIMEOUT = Duration.ofSeconds(15);

	@Bean
	KafkaTemplate<String, SpecificRecord> eventKafkaTemplate(KafkaProperties kafka, RegistryProperties registry,
			EventProperties events) {
		// lanyard.provisioning.events.ack-timeout bounds each wait
		return AvroProducers.awaitedTemplate("ProvisioningEvents", kafka, registry,
				AwaitedProducerSettings.forAckTimeout(events.ackTimeout()));
	}

	@Bean
	EventPublisher eventPublisher(KafkaTemplate<String, SpecificRecord> eventKafkaTemplate, EventProperties events) {
		return new KafkaEventPublisher(eventKafkaTemplate, events.ackTimeout());
	}

	/**
	 * Fetches the topics' metadata and schemas before the service reports itself ready,
	 * for at most 15 s, so the first sign-in does not pay for them.
	 */
	@Bean
	ApplicationListener<ApplicationReadyEvent> eventProducerWarmUp(
			KafkaTemplate<String, SpecificRecord> eventKafkaTemplate, KafkaProperties kafka,
			RegistryProperties registry) {
		ProducerWarmUp warmUp = new ProducerWarmUp("ProvisioningEvents", eventKafkaTemplate,
				AvroProducers.properties(kafka, registry), WarmUpSamples.all());
		return (event) -> warmUp.run(WARM_UP_TIMEOUT);
	}

}
