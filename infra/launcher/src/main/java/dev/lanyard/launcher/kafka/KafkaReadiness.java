package dev.lanyard.launcher.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import dev.lanyard.launcher.process.ManagedProcess;
import dev.lanyard.launcher.process.Waits;

/**
 * Whether a Kafka cluster answers: a describe-cluster call that lists a broker, or a
 * given one.
 */
public final class KafkaReadiness {

	private KafkaReadiness() {
	}

	public static Admin admin(String bootstrapServers) {
		return admin(bootstrapServers, Map.of());
	}

	/** An admin client; {@code security} adds how it authenticates (none: plaintext). */
	public static Admin admin(String bootstrapServers, Map<String, Object> security) {
		Map<String, Object> properties = new HashMap<>(security);
		properties.putAll(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				10000, AdminClientConfig.CLIENT_ID_CONFIG, "lanyard-launcher"));
		return Admin.create(properties);
	}

	/** Waits until the cluster lists a broker, failing fast when {@code process} dies. */
	public static void await(String bootstrapServers, Map<String, Object> security, Duration timeout,
			ManagedProcess process) {
		try (Admin admin = admin(bootstrapServers, security)) {
			Waits.until("Kafka at " + bootstrapServers + " to answer", timeout, process, () -> answers(admin));
		}
	}

	/**
	 * Waits until the node at {@code bootstrapServers} lists node {@code nodeId} among
	 * the cluster's live brokers (it has joined, caught up and been unfenced), failing
	 * fast when {@code process} dies.
	 */
	public static void awaitNode(String bootstrapServers, Map<String, Object> security, int nodeId, Duration timeout,
			ManagedProcess process) {
		try (Admin admin = admin(bootstrapServers, security)) {
			Waits.until("Kafka node " + nodeId + " at " + bootstrapServers + " to answer", timeout, process,
					() -> lists(admin, nodeId));
		}
	}

	static boolean lists(Admin admin, int nodeId) {
		try {
			return admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000))
				.nodes()
				.get(4, TimeUnit.SECONDS)
				.stream()
				.anyMatch((node) -> node.id() == nodeId);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (Exception ex) {
			return false;
		}
	}

	public static boolean answers(Admin admin) {
		try {
			return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000))
				.nodes()
				.get(4, TimeUnit.SECONDS)
				.isEmpty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (Exception ex) {
			return false;
		}
	}

}
