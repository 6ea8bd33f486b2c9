package dev.lanyard.e2e.faults;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.lanyard.events.UserLoggedIn;
import dev.lanyard.launcher.Ensemble;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.platform.registry.AvroSerdes;
import dev.lanyard.platform.registry.RegistryProperties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A burst of first sign-ins as auth-gateway announces them (UserLoggedIn, keyed by the
 * unique id, acknowledged by Kafka), for user-provisioning to work through: each person
 * new, with a username, an email and {@code groups} groups of the run. Correlation ids
 * are {@code <run>-<i>}, which user-provisioning's answers carry.
 */
final class SignInBatch {

	private SignInBatch() {
	}

	/**
	 * Sends {@code size} sign-ins of run {@code run} and waits until Kafka has them all.
	 */
	static void send(Ensemble ensemble, String run, int size, int groups) {
		// the launcher registered UserLoggedIn; the registry refuses writes without its
		// token
		Map<String, Object> properties = AvroSerdes
			.producerProperties(new RegistryProperties(URI.create(ensemble.endpoints().registryUrl()), false));
		properties.putAll(ensemble.endpoints().kafkaClientProperties());
		properties.put("acks", "all");
		properties.put("linger.ms", 5);
		String issuer = ensemble.endpoints().oidcIssuer();
		try (KafkaProducer<String, Object> producer = new KafkaProducer<>(properties)) {
			List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
			for (int i = 0; i < size; i++) {
				String uniqueId = run + "-" + i;
				List<String> groupNames = new ArrayList<>();
				for (int g = 0; g < groups; g++) {
					groupNames.add(run + "-g" + ((i + g) % (groups + 2)));
				}
				UserLoggedIn event = UserLoggedIn.newBuilder()
					.setEventId(UUID.randomUUID())
					.setOccurredAt(Instant.now())
					.setCorrelationId(uniqueId)
					.setProducer("auth-gateway")
					.setProvider("dev")
					.setIssuer(issuer)
					.setUniqueId(uniqueId)
					.setUsername(run + "_" + i)
					.setEmail(run + "_" + i + "@example.com")
					.setGroups(groupNames)
					.setSessionId("session-" + uniqueId)
					.build();
				sent.add(producer.send(new ProducerRecord<>(Topics.USER_LOGGED_IN.name(), uniqueId, event)));
			}
			producer.flush();
			for (java.util.concurrent.Future<?> future : sent) {
				future.get();
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("The sign-ins of run " + run + " were not all acknowledged", ex);
		}
	}

}
