package dev.lanyard.launcher.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.lanyard.launcher.layout.Distribution;
import dev.lanyard.launcher.layout.RepositoryRoot;
import dev.lanyard.launcher.process.Folders;
import dev.lanyard.launcher.process.Waits;
import dev.lanyard.launcher.settings.StateDirectory;
import dev.lanyard.platform.kafka.KafkaAccesses;
import dev.lanyard.platform.kafka.Topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The broker {@code bin/lanyard up} starts, with the users and ACLs it creates: a real
 * KRaft node with SASL and {@code StandardAuthorizer}, driven by real clients signed in
 * as each service. Forged events are the attack: a service (or anyone) writing a topic
 * another service owns.
 */
class SecuredKafkaIT {

	private static KafkaBroker broker;

	private static KafkaCredentials credentials;

	@BeforeAll
	static void startSecuredBroker() {
		Path home = Path.of(System.getProperty("user.dir")).resolve("target/secured-kafka");
		Folders.deleteRecursively(home);
		credentials = KafkaCredentials.loadOrCreate(new StateDirectory(home.resolve("state")));
		int port = Waits.freePort();
		int controllerPort = Waits.freePort();
		broker = new KafkaBroker(new KafkaBrokerConfig(port, controllerPort, home.resolve("kafka"),
				home.resolve("kafka.log"), new Distribution(RepositoryRoot.locate()).kafkaClasspath(),
				Uuid.randomUuid().toString(), "384m", false, credentials.adminPassword()));
		broker.start(Duration.ofSeconds(90));
		try (Admin admin = KafkaReadiness.admin(broker.bootstrapServers(), credentials.adminClientProperties())) {
			KafkaSecurity.apply(admin, credentials);
		}
		KafkaTopics.create(broker.bootstrapServers(), credentials.adminClientProperties(), 1, (short) 1,
				Duration.ofSeconds(60));
	}

	@AfterAll
	static void stopBroker() {
		if (broker != null) {
			broker.stop();
		}
	}

	@Test
	void sendWhenServiceProducesTopicItOwnsThenAcknowledged() throws Exception {
		try (KafkaProducer<String, String> producer = producer(service("token-broker"))) {
			assertThat(producer.send(record(Topics.TOKEN_ISSUED.name())).get(30, TimeUnit.SECONDS).offset())
				.isGreaterThanOrEqualTo(0);
		}
	}

	@Test
	void sendWhenServiceForgesIntegrationChangedThenTopicAuthorizationRefused() {
		try (KafkaProducer<String, String> producer = producer(service("token-broker"))) {
			assertThatThrownBy(() -> producer.send(record(Topics.INTEGRATION_CHANGED.name())).get(30, TimeUnit.SECONDS))
				.isInstanceOf(ExecutionException.class)
				.cause()
				.isInstanceOf(TopicAuthorizationException.class);
		}
	}

	@Test
	void sendWhenServiceForgesUserChangedThenTopicAuthorizationRefused() {
		try (KafkaProducer<String, String> producer = producer(service("integration-registry"))) {
			assertThatThrownBy(() -> producer.send(record(Topics.USER_CHANGED.name())).get(30, TimeUnit.SECONDS))
				.isInstanceOf(ExecutionException.class)
				.cause()
				.isInstanceOf(TopicAuthorizationException.class);
		}
	}

	@Test
	void sendWhenConsumerWritesDeadLetterThenAcknowledged() throws Exception {
		try (KafkaProducer<String, String> producer = producer(service("user-provisioning"))) {
			assertThat(producer.send(record(Topics.DEAD_LETTER)).get(30, TimeUnit.SECONDS).offset())
				.isGreaterThanOrEqualTo(0);
		}
	}

	@Test
	void pollWhenServiceReadsTopicItDoesNotConsumeThenTopicAuthorizationRefused() {
		try (KafkaConsumer<String, String> consumer = consumer(service("user-provisioning"), "user-provisioning")) {
			consumer.subscribe(List.of(Topics.INTEGRATION_CHANGED.name()));
			assertThatThrownBy(() -> pollUntilFailure(consumer)).isInstanceOf(TopicAuthorizationException.class);
		}
	}

	@Test
	void pollWhenServiceUsesAnotherServicesGroupThenGroupAuthorizationRefused() {
		try (KafkaConsumer<String, String> consumer = consumer(service("token-broker"), "audit")) {
			consumer.subscribe(List.of(Topics.USER_CHANGED.name()));
			assertThatThrownBy(() -> pollUntilFailure(consumer)).isInstanceOf(GroupAuthorizationException.class);
		}
	}

	@Test
	void pollWhenAuditReadsWhatTokenBrokerProducedThenGetsIt() throws Exception {
		String key = "k-" + UUID.randomUUID();
		try (KafkaProducer<String, String> producer = producer(service("token-broker"))) {
			producer.send(new ProducerRecord<>(Topics.TOKEN_REVOKED.name(), key, "v")).get(30, TimeUnit.SECONDS);
		}
		try (KafkaConsumer<String, String> consumer = consumer(service("audit"), "audit-it-" + UUID.randomUUID())) {
			consumer.subscribe(List.of(Topics.TOKEN_REVOKED.name()));
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (System.nanoTime() < deadline) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					if (key.equals(record.key())) {
						return;
					}
				}
			}
		}
		throw new AssertionError("audit did not read the record " + key);
	}

	@Test
	void sendWhenPasswordWrongThenAuthenticationRefused() {
		Map<String, Object> wrong = KafkaClientSecurity.scram("token-broker", "not-the-password");
		try (KafkaProducer<String, String> producer = producer(wrong)) {
			assertThatThrownBy(() -> producer.send(record(Topics.TOKEN_ISSUED.name())).get(30, TimeUnit.SECONDS))
				.hasRootCauseInstanceOf(SaslAuthenticationException.class);
		}
	}

	@Test
	void sendWhenClientDoesNotAuthenticateThenNothingIsWritten() {
		Map<String, Object> anonymous = Map.of(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT");
		Map<String, Object> shortWait = new HashMap<>(anonymous);
		shortWait.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
		try (KafkaProducer<String, String> producer = producer(shortWait)) {
			// the SASL listener drops a client that does not start the handshake: no
			// metadata ever comes back, so the send cannot even be queued
			assertThatThrownBy(() -> producer.send(record(Topics.TOKEN_ISSUED.name())).get(30, TimeUnit.SECONDS))
				.hasRootCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
		}
	}

	// Audit stores every record of every topic. A record of a compacted topic that the
	// cleaner removes before audit read it is missing from the trail for good: the topics
	// are created so that no record is compacted for Topic.COMPACTION_LAG. Both topics
	// here
	// roll segments at once and clean at the least dirt, so the cleaner compacts the
	// control topic within seconds; the created one must keep every record all the same.
	@Test
	void compactedTopicWhenRecordsNotYetReadThenCleanerKeepsEveryOne() throws Exception {
		String created = Topics.USER_CHANGED.name();
		String control = "lanyard-it-compacted-control";
		Map<String, String> eager = Map.of("segment.ms", "100", "min.cleanable.dirty.ratio", "0.01");
		Map<String, String> controlConfigs = new HashMap<>(eager);
		controlConfigs.put("cleanup.policy", "compact");
		try (Admin admin = KafkaReadiness.admin(broker.bootstrapServers(), credentials.adminClientProperties())) {
			admin.createTopics(List.of(new NewTopic(control, 1, (short) 1).configs(controlConfigs)))
				.all()
				.get(30, TimeUnit.SECONDS);
			admin
				.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, created), eager.entrySet()
					.stream()
					.map((e) -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
					.toList()))
				.all()
				.get(30, TimeUnit.SECONDS);
		}
		int sent = 30;
		try (KafkaProducer<String, String> producer = producer(credentials.adminClientProperties())) {
			for (int i = 0; i < sent - 1; i++) {
				producer.send(new ProducerRecord<>(created, "user-1", "v" + i));
				producer.send(new ProducerRecord<>(control, "user-1", "v" + i));
			}
			producer.flush();
			Thread.sleep(300);
			// past segment.ms: this append rolls the segment holding the others, which
			// makes them cleanable
			producer.send(new ProducerRecord<>(created, "user-1", "last")).get(30, TimeUnit.SECONDS);
			producer.send(new ProducerRecord<>(control, "user-1", "last")).get(30, TimeUnit.SECONDS);
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
		while (recordsFromStart(control) == sent) {
			assertThat(System.nanoTime()).as("the cleaner compacted the control topic within 90 s")
				.isLessThan(deadline);
			Thread.sleep(1000);
		}
		assertThat(recordsFromStart(created)).isEqualTo(sent);
	}

	private static int recordsFromStart(String topic) {
		Map<String, Object> props = new HashMap<>(credentials.adminClientProperties());
		props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
				new StringDeserializer())) {
			TopicPartition partition = new TopicPartition(topic, 0);
			consumer.assign(List.of(partition));
			consumer.seekToBeginning(List.of(partition));
			long end = consumer.endOffsets(List.of(partition)).get(partition);
			int count = 0;
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (consumer.position(partition) < end && System.nanoTime() < deadline) {
				count += consumer.poll(Duration.ofMillis(500)).count();
			}
			return count;
		}
	}

	@Test
	void accessesWhenEveryServiceSignsInThenEachHasItsOwnPassword() {
		assertThat(KafkaAccesses.ALL).allSatisfy(
				(access) -> assertThat(credentials.passwordOf(access.principal())).hasSizeGreaterThanOrEqualTo(32)
					.isNotEqualTo(credentials.adminPassword()));
		assertThat(credentials.servicePasswords().values()).doesNotHaveDuplicates();
	}

	private static Map<String, Object> service(String principal) {
		return credentials.serviceClientProperties(principal);
	}

	private static ProducerRecord<String, String> record(String topic) {
		return new ProducerRecord<>(topic, "k-" + UUID.randomUUID(), "forged");
	}

	private static KafkaProducer<String, String> producer(Map<String, Object> security) {
		Map<String, Object> props = new HashMap<>(security);
		props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
		props.put(ProducerConfig.ACKS_CONFIG, "all");
		props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15000);
		props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20000);
		props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000);
		return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
	}

	private static KafkaConsumer<String, String> consumer(Map<String, Object> security, String group) {
		Map<String, Object> props = new HashMap<>(security);
		props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
		props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
		props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
	}

	private static void pollUntilFailure(KafkaConsumer<String, String> consumer) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (System.nanoTime() < deadline) {
			consumer.poll(Duration.ofMillis(500));
		}
		throw new AssertionError("polling was never refused within 30 s");
	}

}
