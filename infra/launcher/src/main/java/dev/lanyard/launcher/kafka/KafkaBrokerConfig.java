package dev.lanyard.launcher.kafka;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * How to run one Kafka node, alone or as one of a cluster of combined nodes.
 *
 * @param port the PLAINTEXT listener's port (clients)
 * @param controllerPort the CONTROLLER listener's port
 * @param home folder for its configuration and data
 * @param logFile where its output is appended
 * @param classpath folder holding the broker's jars
 * @param clusterId the id its storage is formatted with (Kafka's base64 UUID)
 * @param maxHeap heap limit, e.g. 384m
 * @param detached whether the process gets a session of its own
 * @param adminPassword the administrator's password: the client listener then takes SASL
 * (SCRAM-SHA-512 for services, PLAIN for the administrator) and ACLs decide; null for a
 * plaintext broker without ACLs (service tests)
 * @param nodeId this node's id, from 1
 * @param quorum every node's controller port, node 1's first: the static controller
 * quorum; a single port for a node of its own
 */
public record KafkaBrokerConfig(int port, int controllerPort, Path home, Path logFile, Path classpath, String clusterId,
		String maxHeap, boolean detached, String adminPassword, int nodeId, List<Integer> quorum) {

	/**
	 * With three nodes or more a record is acknowledged once two have it, so one node may
	 * fail without losing an acknowledged record or stopping writes.
	 */
	static final int CLUSTER_MIN_INSYNC_REPLICAS = 2;

	/** A node of its own, secured unless {@code adminPassword} is null. */
	public KafkaBrokerConfig(int port, int controllerPort, Path home, Path logFile, Path classpath, String clusterId,
			String maxHeap, boolean detached, String adminPassword) {
		this(port, controllerPort, home, logFile, classpath, clusterId, maxHeap, detached, adminPassword, 1,
				List.of(controllerPort));
	}

	/** A plaintext broker without ACLs. */
	public KafkaBrokerConfig(int port, int controllerPort, Path home, Path logFile, Path classpath, String clusterId,
			String maxHeap, boolean detached) {
		this(port, controllerPort, home, logFile, classpath, clusterId, maxHeap, detached, null);
	}

	public KafkaBrokerConfig {
		if (port <= 0 || controllerPort <= 0 || port == controllerPort) {
			throw new IllegalArgumentException("port and controllerPort must be two different positive ports");
		}
		if (home == null || logFile == null || classpath == null) {
			throw new IllegalArgumentException("home, logFile and classpath cannot be null");
		}
		if (clusterId == null || clusterId.isBlank()) {
			throw new IllegalArgumentException("clusterId cannot be blank");
		}
		if (adminPassword != null && adminPassword.length() < 32) {
			throw new IllegalArgumentException("adminPassword must be at least 32 characters");
		}
		// List.of(...).contains(null) throws, so look at each
		if (quorum == null || quorum.isEmpty() || quorum.stream().anyMatch(Objects::isNull)) {
			throw new IllegalArgumentException("quorum cannot be null or empty");
		}
		if (nodeId < 1 || nodeId > quorum.size() || quorum.get(nodeId - 1) != controllerPort) {
			throw new IllegalArgumentException(
					"nodeId must be a position in quorum whose controller port is controllerPort: " + nodeId);
		}
		quorum = List.copyOf(quorum);
	}

	/** Whether this node is one of several. */
	public boolean clustered() {
		return this.quorum.size() > 1;
	}

	/** Replicas of Kafka's internal topics: three, or every node when there are fewer. */
	int internalReplicationFactor() {
		return Math.min(this.quorum.size(), 3);
	}

	/** In-sync replicas a write with {@code acks=all} needs. */
	int minInsyncReplicas() {
		return (this.quorum.size() >= 3) ? CLUSTER_MIN_INSYNC_REPLICAS : 1;
	}

	/**
	 * {@code controller.quorum.voters}: {@code 1@127.0.0.1:9093,2@127.0.0.1:9095,...}.
	 */
	String voters() {
		return IntStream.range(0, this.quorum.size())
			.mapToObj((i) -> (i + 1) + "@127.0.0.1:" + this.quorum.get(i))
			.collect(Collectors.joining(","));
	}

	public boolean secured() {
		return this.adminPassword != null;
	}

	/** Settings a client needs besides the bootstrap servers: the administrator's. */
	public Map<String, Object> adminClientProperties() {
		return secured() ? KafkaClientSecurity.plain(KafkaCredentials.ADMIN, this.adminPassword) : Map.of();
	}

	public Path dataDirectory() {
		return this.home.resolve("data");
	}

	@Override
	public String toString() {
		return "KafkaBrokerConfig[node=" + this.nodeId + "/" + this.quorum.size() + ", port=" + this.port
				+ ", controllerPort=" + this.controllerPort + ", home=" + this.home + ", secured=" + secured() + "]";
	}

}
