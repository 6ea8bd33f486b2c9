package dev.lanyard.launcher.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.lanyard.launcher.layout.Distribution;
import dev.lanyard.launcher.layout.RepositoryRoot;
import dev.lanyard.launcher.process.Folders;
import dev.lanyard.launcher.process.Waits;
import dev.lanyard.launcher.settings.StateDirectory;
import dev.lanyard.platform.kafka.AwaitedProducerSettings;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.platform.kafka.producer.AwaitedSend;
import dev.lanyard.platform.kafka.producer.UnacknowledgedSendException;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The three-node cluster {@code LANYARD_KAFKA_NODES=3} starts (secured, one static
 * quorum, topics with three replicas and {@code min.insync.replicas=2}), written to as
 * token-broker writes its TokenIssued events: {@code acks=all}, idempotent, given up
 * after the ack timeout ({@link AwaitedProducerSettings}). One node down: still
 * acknowledged. Two down: refused within the ack timeout.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaClusterIT {

	private static final Duration ACK_TIMEOUT = Duration.ofSeconds(2);

	private static final String TOPIC = Topics.TOKEN_ISSUED.name();

	private static final List<KafkaBroker> nodes = new ArrayList<>();

	private static KafkaCredentials credentials;

	private static String bootstrapServers;

	@BeforeAll
	static void startCluster() {
		Path home = Path.of(System.getProperty("user.dir")).resolve("target/kafka-cluster");
		Folders.deleteRecursively(home);
		credentials = KafkaCredentials.loadOrCreate(new StateDirectory(home.resolve("state")));
		List<Integer> ports = freePorts(6);
		List<Integer> quorum = List.of(ports.get(1), ports.get(3), ports.get(5));
		String clusterId = Uuid.randomUuid().toString();
		Path classpath = new Distribution(RepositoryRoot.locate()).kafkaClasspath();
		for (int node = 1; node <= 3; node++) {
			nodes.add(new KafkaBroker(new KafkaBrokerConfig(ports.get(2 * node - 2), quorum.get(node - 1),
					home.resolve("kafka-" + node), home.resolve("kafka-" + node + ".log"), classpath, clusterId, "256m",
					false, credentials.adminPassword(), node, quorum)));
		}
		bootstrapServers = String.join(",", nodes.stream().map(KafkaBroker::bootstrapServers).toList());
		start(nodes);
		try (Admin admin = KafkaReadiness.admin(bootstrapServers, credentials.adminClientProperties())) {
			KafkaSecurity.apply(admin, credentials);
		}
		KafkaTopics.create(bootstrapServers, credentials.adminClientProperties(), 3, (short) 3, Duration.ofSeconds(60));
	}

	@AfterAll
	static void stopCluster() {
		inParallel(nodes, KafkaBroker::stop);
	}

	@Test
	@Order(1)
	void createWhenThreeNodesThenEveryPartitionOnAllThreeAndTwoMustBeInSync() throws Exception {
		try (Admin admin = KafkaReadiness.admin(bootstrapServers, credentials.adminClientProperties())) {
			assertThat(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS)).hasSize(3);
			TopicDescription topic = admin.describeTopics(List.of(TOPIC))
				.allTopicNames()
				.get(10, TimeUnit.SECONDS)
				.get(TOPIC);
			assertThat(topic.partitions()).hasSize(3).allSatisfy((partition) -> {
				assertThat(partition.replicas()).hasSize(3);
				assertThat(partition.isr()).hasSize(3);
			});
			ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
			Config config = admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource);
			assertThat(config.get("min.insync.replicas").value()).isEqualTo("2");
			assertThat(admin.describeMetadataQuorum().quorumInfo().get(10, TimeUnit.SECONDS).voters()).hasSize(3);
		}
	}

	@Test
	@Order(2)
	void sendWhenOneNodeKilledThenAcknowledgedByTheOtherTwo() throws Exception {
		KafkaBroker victim = leaderOfPartitionZero();
		try (Sender sender = new Sender()) {
			victim.process().kill();
			victim.stop();
			// until the dead leader is fenced (6 s) a send may time out; then every one
			// is acknowledged
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			boolean acknowledged = false;
			while (!acknowledged && System.nanoTime() < deadline) {
				acknowledged = sender.trySend();
			}
			assertThat(acknowledged).as("a send acknowledged with one node down").isTrue();
			for (int i = 0; i < 5; i++) {
				sender.send();
			}
		}
		finally {
			start(List.of(victim));
			awaitFullyReplicated();
		}
	}

	@Test
	@Order(3)
	void sendWhenTwoNodesDownThenRefusedWithinTheAckTimeoutThenAcknowledgedWhenBack() throws Exception {
		KafkaBroker leader = leaderOfPartitionZero();
		List<KafkaBroker> victims = nodes.stream().filter((node) -> node != leader).toList();
		try (Sender sender = new Sender()) {
			sender.send();
			for (KafkaBroker victim : victims) {
				victim.process().kill();
				victim.stop();
			}
			for (int i = 0; i < 3; i++) {
				long started = System.nanoTime();
				assertThatExceptionOfType(UnacknowledgedSendException.class).isThrownBy(sender::send);
				assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(ACK_TIMEOUT.plusSeconds(1));
			}
			start(victims);
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			boolean acknowledged = false;
			while (!acknowledged && System.nanoTime() < deadline) {
				acknowledged = sender.trySend();
			}
			assertThat(acknowledged).as("a send acknowledged once both were back").isTrue();
		}
		finally {
			start(victims);
		}
	}

	private static KafkaBroker leaderOfPartitionZero() throws Exception {
		try (Admin admin = KafkaReadiness.admin(bootstrapServers, credentials.adminClientProperties())) {
			TopicPartitionInfo partition = admin.describeTopics(List.of(TOPIC))
				.allTopicNames()
				.get(10, TimeUnit.SECONDS)
				.get(TOPIC)
				.partitions()
				.getFirst();
			return nodes.get(partition.leader().id() - 1);
		}
	}

	private static void awaitFullyReplicated() throws Exception {
		try (Admin admin = KafkaReadiness.admin(bootstrapServers, credentials.adminClientProperties())) {
			Waits.until("every partition of " + TOPIC + " in sync on three nodes", Duration.ofSeconds(60), null, () -> {
				try {
					return admin.describeTopics(List.of(TOPIC))
						.allTopicNames()
						.get(5, TimeUnit.SECONDS)
						.get(TOPIC)
						.partitions()
						.stream()
						.allMatch((partition) -> partition.isr().size() == 3);
				}
				catch (Exception ex) {
					return false;
				}
			});
		}
	}

	/** Starts the nodes that are not running, together. */
	private static void start(List<KafkaBroker> brokers) {
		inParallel(brokers.stream().filter((broker) -> broker.process() == null || !broker.process().alive()).toList(),
				(broker) -> broker.start(Duration.ofSeconds(180)));
	}

	/** One virtual thread each: the common pool runs one task at a time on two cores. */
	private static void inParallel(List<KafkaBroker> brokers, java.util.function.Consumer<KafkaBroker> action) {
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			CompletableFuture
				.allOf(brokers.stream()
					.map((broker) -> CompletableFuture.runAsync(() -> action.accept(broker), executor))
					.toArray(CompletableFuture[]::new))
				.join();
		}
	}

	private static List<Integer> freePorts(int count) {
		Set<Integer> ports = new HashSet<>();
		while (ports.size() < count) {
			ports.add(Waits.freePort());
		}
		return List.copyOf(ports);
	}

	/** token-broker's producer settings over String values, as its service user. */
	private static final class Sender implements AutoCloseable {

		private final DefaultKafkaProducerFactory<String, String> factory;

		private final AwaitedSend<String> send;

		Sender() {
			Map<String, Object> properties = new HashMap<>(credentials.serviceClientProperties("token-broker"));
			properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
			properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
			properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
			properties.putAll(AwaitedProducerSettings.forAckTimeout(ACK_TIMEOUT).overrides());
			this.factory = new DefaultKafkaProducerFactory<>(properties);
			this.send = new AwaitedSend<>(new KafkaTemplate<>(this.factory), ACK_TIMEOUT);
		}

		void send() {
			// partition 0: the one whose leader the tests look up
			this.send.send(new AwaitedSend.Outgoing<>(TOPIC, key(), "event-" + UUID.randomUUID(), "TokenIssued"));
		}

		boolean trySend() {
			try {
				send();
				return true;
			}
			catch (UnacknowledgedSendException ex) {
				return false;
			}
		}

		@Override
		public void close() {
			this.factory.destroy();
		}

		/** A key the default partitioner sends to partition 0 of three. */
		private static String key() {
			while (true) {
				String key = "subject-" + UUID.randomUUID();
				byte[] bytes = key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
				if (org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(bytes))
						% 3 == 0) {
					return key;
				}
			}
		}

	}

}
