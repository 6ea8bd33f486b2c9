package dev.lanyard.gateway.signin.adapter.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.lanyard.events.UserLoggedIn;
import dev.lanyard.events.UserSignedOut;
import dev.lanyard.gateway.signin.application.LoginAnnouncer;
import dev.lanyard.gateway.signin.application.PendingSignIns;
import dev.lanyard.gateway.signin.application.SignOutAnnouncer;
import dev.lanyard.gateway.signin.application.UserDirectory;
import dev.lanyard.gateway.signin.application.UserSessions;
import dev.lanyard.platform.ids.Ids;
import dev.lanyard.platform.kafka.AwaitedProducerSettings;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.platform.kafka.consumer.ConsumerErrorHandlers;
import dev.lanyard.platform.kafka.consumer.ConsumerSetUp;
import dev.lanyard.platform.kafka.consumer.RecordReader;
import dev.lanyard.platform.kafka.producer.AvroProducers;
import dev.lanyard.platform.kafka.producer.ProducerWarmUp;
import dev.lanyard.platform.registry.RegistryProperties;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;

/** The sign-in's producers (UserLoggedIn, UserSignedOut) and the user events consumer. */
@Configuration(proxyBeanMethods = false)
public class SignInKafkaConfiguration {

	@Bean
	KafkaTemplate<String, UserLoggedIn> userLoggedInKafkaTemplate(KafkaProperties kafka, RegistryProperties registry) {
		// a person waits for the sign-in: send at once, give up within the sign-in's
		// bound, and never deliver a sign-in after its person was told it failed
		return AvroProducers.awaitedTemplate("UserLoggedIn", kafka, registry,
				AwaitedProducerSettings.forAckTimeout(KafkaLoginAnnouncer.ACK_TIMEOUT));
	}

	@Bean
	KafkaTemplate<String, UserSignedOut> userSignedOutKafkaTemplate(KafkaProperties kafka,
			RegistryProperties registry) {
		// a person waits for the sign-out: bounded like a sign-in
		return AvroProducers.awaitedTemplate("UserSignedOut", kafka, registry,
				AwaitedProducerSettings.forAckTimeout(KafkaLoginAnnouncer.ACK_TIMEOUT));
	}

	@Bean
	SignOutAnnouncer signOutAnnouncer(KafkaTemplate<String, UserSignedOut> userSignedOutKafkaTemplate, Clock clock) {
		return new KafkaSignOutAnnouncer(userSignedOutKafkaTemplate, clock);
	}

	/**
	 * An unreadable record is skipped here (audit dead-letters it): it must not stop the
	 * sign-ins behind it. A registry or database outage is waited out, or the user
	 * updates and sign-in answers it hides would be lost. No offset is ever committed:
	 * each instance reads under a group of its own that nobody resumes (a new one, from
	 * the earliest offset, at every start; see {@link UserEventsListener}), and the
	 * container's synchronous commit after every poll was a broker round trip per sign-in
	 * answer, about a third of the gateway's consumer CPU, for offsets nothing reads.
	 */
	@Bean
	ConcurrentKafkaListenerContainerFactory<Object, Object> userEventsContainerFactory(
			ConcurrentKafkaListenerContainerFactoryConfigurer configurer, KafkaProperties kafka,
			RegistryProperties registry) {
		ConcurrentKafkaListenerContainerFactory<Object, Object> factory = ConsumerSetUp.containerFactory(configurer,
				ConsumerSetUp.consumerFactory(kafka, registry, RecordReader.anyEvent()),
				ConsumerErrorHandlers.skipping(
						ConsumerErrorHandlers.retryUntilOver(Duration.ofMillis(200), Duration.ofSeconds(5)),
						ConsumerErrorHandlers.DATABASE_OUTAGES));
		// the listener takes no Acknowledgment: nothing is ever committed
		factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL);
		return factory;
	}

	@Bean
	UserEventsListener userEventsListener(UserDirectory directory, PendingSignIns pending, UserSessions sessions) {
		return new UserEventsListener(directory, pending, sessions);
	}

	@Bean
	LoginAnnouncer loginAnnouncer(KafkaTemplate<String, UserLoggedIn> userLoggedInKafkaTemplate, Clock clock) {
		return new KafkaLoginAnnouncer(userLoggedInKafkaTemplate, clock);
	}

	/**
	 * Pays the first sign-in's and sign-out's one-off producer costs (connection, topic
	 * metadata, schema lookup) once the gateway is ready, in the background.
	 */
	@Bean
	ApplicationListener<ApplicationReadyEvent> signInProducersWarmUp(
			KafkaTemplate<String, UserLoggedIn> userLoggedInKafkaTemplate,
			KafkaTemplate<String, UserSignedOut> userSignedOutKafkaTemplate, KafkaProperties kafka,
			RegistryProperties registry) {
		ProducerWarmUp loggedIn = new ProducerWarmUp("UserLoggedIn", userLoggedInKafkaTemplate,
				AvroProducers.properties(kafka, registry),
				List.of(new ProducerWarmUp.Sample<>(Topics.USER_LOGGED_IN, sampleLoggedIn())));
		ProducerWarmUp signedOut = new ProducerWarmUp("UserSignedOut", userSignedOutKafkaTemplate,
				AvroProducers.properties(kafka, registry),
				List.of(new ProducerWarmUp.Sample<>(Topics.USER_SIGNED_OUT, sampleSignedOut())));
		return (event) -> {
			loggedIn.start();
			signedOut.start();
		};
	}

	private static UserLoggedIn sampleLoggedIn() {
		return UserLoggedIn.newBuilder()
			.setEventId(Ids.uuid())
			.setOccurredAt(Instant.EPOCH)
			.setCorrelationId("warm-up")
			.setProducer("auth-gateway")
			.setProvider("warm-up")
			.setIssuer("https://warm-up.invalid")
			.setUniqueId("warm-up")
			.setSessionId("warm-up")
			.build();
	}

	private static UserSignedOut sampleSignedOut() {
		return UserSignedOut.newBuilder()
			.setEventId(Ids.uuid())
			.setOccurredAt(Instant.EPOCH)
			.setCorrelationId("warm-up")
			.setProducer("auth-gateway")
			.setUserId("warm-up")
			.setSessionId("warm-up")
			.build();
	}

}
