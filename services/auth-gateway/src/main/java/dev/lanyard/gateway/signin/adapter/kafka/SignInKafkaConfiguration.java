package dev.lanyard.gateway.signin.adapter.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.events.UserLoggedIn;
import dev.lanyard.events.UserSignedOut;
import dev.lanyard.gateway.signin.application.PendingSignIns;
import dev.lanyard.gateway.signin.application.SignOutAnnouncer;
import dev.lanyard.gateway.signin.application.UserDirectory;
import dev.lanyard.gateway.signin.application.UserSessions;
import dev.lanyard.platform.kafka.AwaitedProducerSettings;
import dev.lanyard.platform.registry.AvroSerdes;
import dev.lanyard.platform.registry.RegistryProperties;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.FixedBackOff;

/** The sign-in's producer (UserLoggedIn) and the user events consumer. */
@Configuration(proxyBeanMethods = false)
public class SignInKafkaConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SignInKafkaConfiguration.class);

	private static final Duration LOGIN_ACK_TIMEOUT = Duration.ofSeconds(5);

	@Bean
	KafkaTemplate<String, UserLoggedIn> userLoggedInKafkaTemplate(KafkaProperties kafka, RegistryProperties registry) {
		Map<String, Object> properties = new HashMap<>(kafka.buildProducerProperties());
		properties.putAll(AvroSerdes.producerProperties(registry));
		// a person waits for the sign-in: send at once, give up within the sign-in's
		// bound, and never deliver a sign-in after its person was told it failed
		AwaitedProducerSettings awaited = AwaitedProducerSettings.forAckTimeout(LOGIN_ACK_TIMEOUT);
		properties.putAll(awaited.overrides());
		log.info("UserLoggedIn producer: {}", awaited.describe());
		KafkaTemplate<String, UserLoggedIn> template = new KafkaTemplate<>(
				new DefaultKafkaProducerFactory<>(properties));
		// the default listener logs a failed record with its payload (names, email)
		template.setProducerListener(new ProducerListener<>() {
		});
		return template;
	}

	@Bean
	SignOutAnnouncer signOutAnnouncer(KafkaProperties kafka, RegistryProperties registry) {
		Map<String, Object> properties = new HashMap<>(kafka.buildProducerProperties());
		properties.putAll(AvroSerdes.producerProperties(registry));
		// a person waits for the sign-out: bounded like a sign-in
		properties.putAll(AwaitedProducerSettings.forAckTimeout(LOGIN_ACK_TIMEOUT).overrides());
		KafkaTemplate<String, UserSignedOut> template = new KafkaTemplate<>(
				new DefaultKafkaProducerFactory<>(properties));
		template.setProducerListener(new ProducerListener<>() {
		});
		return new KafkaSignOutAnnouncer(template);
	}

	@Bean
	ConcurrentKafkaListenerContainerFactory<String, Object> userEventsContainerFactory(KafkaProperties kafka,
			RegistryProperties registry) {
		Map<String, Object> properties = new HashMap<>(kafka.buildConsumerProperties());
		properties.putAll(AvroSerdes.consumerProperties(registry));
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class);
		properties.put(ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, AvroKafkaDeserializer.class);
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		ConcurrentKafkaListenerContainerFactory<String, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
		factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(properties));
		// An unreadable record is skipped here (audit dead-letters it); it must not stop
		// sign-ins behind it.
		factory.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(0, 0)));
		return factory;
	}

	@Bean
	UserEventsListener userEventsListener(UserDirectory directory, PendingSignIns pending, UserSessions sessions) {
		return new UserEventsListener(directory, pending, sessions);
	}

}
