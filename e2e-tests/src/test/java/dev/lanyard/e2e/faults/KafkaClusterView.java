package dev.lanyard.e2e.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.utils.Utils;

/**
 * What a fault test needs to know of a Kafka cluster: which node leads the partition a
 * key goes to, who the active controller is, and whether every partition has all its
 * replicas in sync again.
 */
final class KafkaClusterView implements AutoCloseable {

	private final Admin admin;

	KafkaClusterView(Map<String, Object> clientProperties) {
		Map<String, Object> properties = new HashMap<>(clientProperties);
		properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
		properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
		this.admin = Admin.create(properties);
	}

	/** The partition the producer's default partitioner sends a String key to. */
	int partitionOf(String topic, String key) throws Exception {
		int partitions = describe(topic).partitions().size();
		return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
	}

	/** The partition's leader and its replicas. */
	TopicPartitionInfo partition(String topic, int partition) throws Exception {
		return describe(topic).partitions().get(partition);
	}

	/** The node leading the controller quorum. */
	int activeController() throws Exception {
		return this.admin.describeMetadataQuorum().quorumInfo().get(10, TimeUnit.SECONDS).leaderId();
	}

	/**
	 * Waits, bounded, until every partition of every topic has all its replicas in sync
	 * (a restarted node has caught up).
	 */
	void awaitFullyReplicated(Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		List<String> lagging = lagging();
		while (!lagging.isEmpty()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Partitions still under-replicated " + timeout + " on: " + lagging);
			}
			Thread.sleep(500);
			lagging = lagging();
		}
	}

	private List<String> lagging() throws Exception {
		try {
			Set<String> topics = this.admin.listTopics().names().get(10, TimeUnit.SECONDS);
			return this.admin.describeTopics(topics)
				.allTopicNames()
				.get(10, TimeUnit.SECONDS)
				.values()
				.stream()
				.flatMap((topic) -> topic.partitions()
					.stream()
					.filter((p) -> p.leader() == null || p.isr().size() < p.replicas().size())
					.map((p) -> topic.name() + "-" + p.partition() + " isr " + p.isr().stream().map(Node::id).toList()))
				.toList();
		}
		catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
			return List.of("(cluster not answering: " + ex.getMessage() + ")");
		}
	}

	private TopicDescription describe(String topic) throws Exception {
		return this.admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic);
	}

	@Override
	public void close() {
		this.admin.close(Duration.ofSeconds(5));
	}

}
