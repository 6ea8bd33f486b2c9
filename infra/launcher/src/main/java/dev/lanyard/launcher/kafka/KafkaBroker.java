package dev.lanyard.launcher.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.lanyard.launcher.process.Component;
import dev.lanyard.launcher.process.JavaCommand;
import dev.lanyard.launcher.process.ManagedProcess;
import dev.lanyard.launcher.process.Waits;

/**
 * A Kafka node in KRaft combined mode (broker and controller), alone or one of a cluster,
 * run as its own {@code java} process from the {@code kafka_2.13} artifacts. Its storage
 * is formatted once; stopping and starting it again keeps its ports and data, as an
 * outage would.
 */
public final class KafkaBroker implements Component {

	/** A node of its own; in an ensemble, also every node of a cluster at once. */
	public static final String COMPONENT = "kafka";

	/**
	 * The name of node {@code nodeId} of a cluster: {@code kafka-1}, {@code kafka-2}...
	 */
	public static String nodeName(int nodeId) {
		return COMPONENT + "-" + nodeId;
	}

	/** Whether {@code component} names a Kafka node, alone or of a cluster. */
	public static boolean isNode(String component) {
		return COMPONENT.equals(component) || (component != null && component.matches(COMPONENT + "-\\d+"));
	}

	@Override
	public String name() {
		return this.config.clustered() ? nodeName(this.config.nodeId()) : COMPONENT;
	}

	private final KafkaBrokerConfig config;

	private volatile ManagedProcess process;

	public KafkaBroker(KafkaBrokerConfig config) {
		if (config == null) {
			throw new IllegalArgumentException("config cannot be null");
		}
		this.config = config;
	}

	/** This node's client address. */
	public String bootstrapServers() {
		return "127.0.0.1:" + this.config.port();
	}

	public int nodeId() {
		return this.config.nodeId();
	}

	/** What a client adds to the bootstrap servers to act as the administrator. */
	public Map<String, Object> adminClientProperties() {
		return this.config.adminClientProperties();
	}

	@Override
	public ManagedProcess process() {
		return this.process;
	}

	/**
	 * Starts the node and returns once it answers a describe-cluster call that lists it
	 * (unfenced). A node of a cluster gets there only with a quorum of its peers up, so
	 * an ensemble starts them together.
	 */
	@Override
	public ManagedProcess start(Duration timeout) {
		if (this.process != null && this.process.alive()) {
			return this.process;
		}
		if (Waits.listening(this.config.port()) || Waits.listening(this.config.controllerPort())) {
			throw new IllegalStateException("Cannot start Kafka: port " + this.config.port() + " or "
					+ this.config.controllerPort() + " is already in use");
		}
		writeConfiguration();
		formatStorageOnce(timeout);
		this.process = ManagedProcess.start(name(),
				command("kafka.Kafka").argument(serverProperties().toString()).toList(), Map.of(), this.config.home(),
				this.config.logFile(), this.config.port(), this.config.detached());
		Waits.until("Kafka to listen on port " + this.config.port(), timeout, this.process,
				() -> Waits.listening(this.config.port()));
		KafkaReadiness.awaitNode(bootstrapServers(), this.config.adminClientProperties(), this.config.nodeId(), timeout,
				this.process);
		return this.process;
	}

	/** Stops the broker (SIGTERM, then SIGKILL) and returns once its port is closed. */
	@Override
	public void stop() {
		if (this.process == null) {
			return;
		}
		this.process.stop(Duration.ofSeconds(20));
		Waits.until("Kafka's port " + this.config.port() + " to close", Duration.ofSeconds(20), null,
				() -> !Waits.listening(this.config.port()));
		this.process = null;
	}

	private JavaCommand command(String mainClass) {
		return JavaCommand.withHeap(this.config.maxHeap())
			.systemProperty("log4j2.configurationFile", log4jProperties().toString())
			.systemProperty("kafka.logs.dir", this.config.home().resolve("logs").toString())
			.mainClass(this.config.classpath(), mainClass);
	}

	/**
	 * Formats within the start's own timeout: three nodes format at once on a busy
	 * machine.
	 */
	private void formatStorageOnce(Duration timeout) {
		if (Files.isRegularFile(this.config.dataDirectory().resolve("meta.properties"))) {
			return;
		}
		JavaCommand formatCommand = command("kafka.tools.StorageTool").argument("format")
			.argument("-t")
			.argument(this.config.clusterId())
			.argument("-c")
			.argument(serverProperties().toString());
		// a cluster's static quorum (controller.quorum.voters) takes no flag
		List<String> format = (this.config.clustered() ? formatCommand : formatCommand.argument("--standalone"))
			.toList();
		ManagedProcess formatter = ManagedProcess.start(name() + "-format", format, Map.of(), this.config.home(),
				this.config.logFile(), 0, false);
		try {
			ProcessHandle handle = ProcessHandle.of(formatter.pid()).orElse(null);
			if (handle != null) {
				handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
		catch (Exception ex) {
			formatter.stop(Duration.ZERO);
			throw new IllegalStateException("Formatting Kafka's storage did not finish; see " + this.config.logFile(),
					ex);
		}
		if (!Files.isRegularFile(this.config.dataDirectory().resolve("meta.properties"))) {
			throw new IllegalStateException("Formatting Kafka's storage failed; see " + this.config.logFile());
		}
	}

	private Path serverProperties() {
		return this.config.home().resolve("server.properties");
	}

	private Path log4jProperties() {
		return this.config.home().resolve("log4j2.properties");
	}

	private void writeConfiguration() {
		try {
			Files.createDirectories(this.config.dataDirectory());
			// holds the administrator's password when secured: the owner's only
			Path properties = serverProperties();
			if (!Files.exists(properties)) {
				Files.createFile(properties,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			Files.setPosixFilePermissions(properties, PosixFilePermissions.fromString("rw-------"));
			Files.writeString(properties, KafkaConfiguration.serverProperties(this.config));
			Files.writeString(log4jProperties(), KafkaConfiguration.log4jProperties());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write Kafka's configuration under " + this.config.home(), ex);
		}
	}

}
