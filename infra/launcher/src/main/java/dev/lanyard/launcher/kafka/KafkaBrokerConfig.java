package dev.lanyard.launcher.kafka;

import java.nio.file.Path;

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
 */
public record KafkaBrokerConfig(int port, int controllerPort, Path home, Path logFile, Path classpath, String clusterId,
		String maxHeap, boolean detached) {

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
	}

	public Path dataDirectory() {
		return this.home.resolve("data");
	}

}
