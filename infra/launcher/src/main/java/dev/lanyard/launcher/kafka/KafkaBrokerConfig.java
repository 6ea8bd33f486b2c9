package dev.lanyard.launcher.kafka;

import java.nio.file.Path;
import java.util.Map;

/**
 * How to run one Kafka node.
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
 */
public record KafkaBrokerConfig(int port, int controllerPort, Path home, Path logFile, Path classpath, String clusterId,
		String maxHeap, boolean detached, String adminPassword) {

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
		return "KafkaBrokerConfig[port=" + this.port + ", controllerPort=" + this.controllerPort + ", home=" + this.home
				+ ", secured=" + secured() + "]";
	}

}
