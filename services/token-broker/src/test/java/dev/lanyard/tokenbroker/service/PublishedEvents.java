package dev.lanyard.tokenbroker.service;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.lanyard.events.IntegrationChanged;
import dev.lanyard.events.UserChanged;
import dev.lanyard.events.UserDeactivated;
import dev.lanyard.events.UserSignedOut;
import dev.lanyard.launcher.Infrastructure;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.platform.registry.AvroSerdes;
import dev.lanyard.platform.registry.RegistryProperties;

/**
 * Publishes the events token-broker consumes, as user-provisioning and
 * integration-registry would, and reads the dead-letter topic.
 */
final class PublishedEvents {

	private static KafkaProducer<String, Object> avro;

	private static KafkaProducer<String, byte[]> raw;

	private PublishedEvents() {
	}

	static synchronized void publish(String topic, String key, SpecificRecord event) {
		if (avro == null) {
			Infrastructure infrastructure = Infrastructure.shared();
			Map<String, Object> properties = new HashMap<>(AvroSerdes
				.producerProperties(new RegistryProperties(URI.create(infrastructure.registryUrl()), false)));
			properties.put("bootstrap.servers", infrastructure.kafkaBootstrapServers());
			properties.put("acks", "all");
			avro = new KafkaProducer<>(properties);
		}
		await(() -> avro.send(new ProducerRecord<>(topic, key, event)).get(20, TimeUnit.SECONDS));
	}

	static synchronized void publishRaw(String topic, String key, byte[] value) {
		if (raw == null) {
			Map<String, Object> properties = new HashMap<>();
			properties.put("bootstrap.servers", Infrastructure.shared().kafkaBootstrapServers());
			properties.put("key.serializer", StringSerializer.class.getName());
			properties.put("value.serializer", ByteArraySerializer.class.getName());
			raw = new KafkaProducer<>(properties);
		}
		await(() -> raw.send(new ProducerRecord<>(topic, key, value)).get(20, TimeUnit.SECONDS));
	}

	static UserChanged user(String userId, long version, String role, boolean locked, boolean active,
			Set<String> groupIds) {
		return UserChanged.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOccurredAt(Instant.now())
			.setCorrelationId("it")
			.setProducer("user-provisioning")
			.setUserId(userId)
			.setUsername("user" + version + "_" + userId.substring(0, 8))
			.setRole(role)
			.setLocked(locked)
			.setActive(active)
			.setGroupIds(List.copyOf(groupIds))
			.setVersion(version)
			.build();
	}

	static UserDeactivated deactivated(String userId) {
		return UserDeactivated.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOccurredAt(Instant.now())
			.setCorrelationId("it")
			.setProducer("user-provisioning")
			.setUserId(userId)
			.setReason("scim-deactivated")
			.build();
	}

	static UserSignedOut signedOut(String userId, String sessionId) {
		return UserSignedOut.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOccurredAt(Instant.now())
			.setCorrelationId("it")
			.setProducer("auth-gateway")
			.setActorId(userId)
			.setUserId(userId)
			.setSessionId(sessionId)
			.build();
	}

	static IntegrationChanged.Builder serviceAccount(String integrationId, String tokenEndpoint, Set<String> contentIds,
			String... scopes) {
		return IntegrationChanged.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOccurredAt(Instant.now())
			.setCorrelationId("it")
			.setProducer("integration-registry")
			.setIntegrationId(integrationId)
			.setName("IT " + integrationId)
			.setTemplate("custom")
			.setKind("service-account")
			.setTokenEndpoint(tokenEndpoint)
			.setClientId("client-" + integrationId)
			.setSecretVersion(1)
			.setScopes(List.of(scopes))
			.setContentIds(List.copyOf(contentIds));
	}

	static IntegrationChanged.Builder viewer(String integrationId, String authorizationEndpoint, String tokenEndpoint,
			Set<String> allowedGroupIds, Set<String> contentIds, String... scopes) {
		return serviceAccount(integrationId, tokenEndpoint, contentIds, scopes).setKind("viewer")
			.setAuthorizationEndpoint(authorizationEndpoint)
			.setAllowedGroupIds(List.copyOf(allowedGroupIds));
	}

	/** The keys of the dead-letter topic's records, from its start. */
	static List<String> deadLetterKeys(Duration timeout, String wanted) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("bootstrap.servers", Infrastructure.shared().kafkaBootstrapServers());
		properties.put("key.deserializer", StringDeserializer.class.getName());
		properties.put("value.deserializer", ByteArrayDeserializer.class.getName());
		properties.put("group.id", "token-broker-it-" + UUID.randomUUID());
		properties.put("enable.auto.commit", false);
		List<String> keys = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties)) {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.DEAD_LETTER, Duration.ofSeconds(20))
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			long deadline = System.nanoTime() + timeout.toNanos();
			while (!keys.contains(wanted) && System.nanoTime() < deadline) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					keys.add(record.key());
				}
			}
		}
		return keys;
	}

	private static void await(Send send) {
		try {
			send.run();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Publishing failed", ex);
		}
	}

	@FunctionalInterface
	private interface Send {

		Object run() throws InterruptedException, ExecutionException, TimeoutException;

	}

}
