package dev.lanyard.provisioning.config;

import java.util.HashMap;
import java.util.Map;

import dev.lanyard.platform.kafka.AwaitedProducerSettings;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.platform.registry.AvroSerdes;
import dev.lanyard.platform.registry.RegistryProperties;
import dev.lanyard.provisioning.events.adapter.kafka.KafkaEventPublisher;
import dev.lanyard.provisioning.events.application.EventPublisher;
import org.apache.avro.specific.SpecificRecord;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.ProducerListener;

/** The producer of this service's events, tuned for callers that wait for each ack. */
@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

	private static final Log logger = LogFactory.getLog(EventsConfiguration.class);

	@Bean
	KafkaTemplate<String, SpecificRecord> eventKafkaTemplate(KafkaProperties kafka, RegistryProperties registry,
			EventProperties events) {
		Map<String, Object> properties = new HashMap<>(kafka.buildProducerProperties());
		properties.putAll(AvroSerdes.producerProperties(registry));
		AwaitedProducerSettings settings = AwaitedProducerSettings.forAckTimeout(events.ackTimeout());
		properties.putAll(settings.overrides());
		logger.info("Event producer overrides for lanyard.provisioning.events.ack-timeout=" + events.ackTimeout()
				+ " (these win over spring.kafka.producer.*): " + settings.describe());
		KafkaTemplate<String, SpecificRecord> template = new KafkaTemplate<>(
				new DefaultKafkaProducerFactory<>(properties));
		// The default listener logs failed records with their content at ERROR; callers
		// log each failure once, by event id.
		template.setProducerListener(new ProducerListener<>() {
		});
		return template;
	}

	@Bean
	EventPublisher eventPublisher(KafkaTemplate<String, SpecificRecord> eventKafkaTemplate, EventProperties events) {
		return new KafkaEventPublisher(eventKafkaTemplate, events.ackTimeout());
	}

	/** Fetches the topics' metadata once up, so the first sign-in does not pay for it. */
	@Bean
	ApplicationListener<ApplicationReadyEvent> eventProducerWarmUp(
			KafkaTemplate<String, SpecificRecord> eventKafkaTemplate) {
		return (event) -> {
			try {
				for (var topic : new String[] { Topics.USER_CHANGED.name(), Topics.GROUP_MEMBERSHIP_CHANGED.name(),
						Topics.USER_LOGIN_REFUSED.name() }) {
					eventKafkaTemplate.partitionsFor(topic);
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Event producer warm-up failed (" + ex.getClass().getSimpleName()
						+ "); the first change will fetch topic metadata itself");
			}
		};
	}

}
