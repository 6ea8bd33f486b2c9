package dev.lanyard.launcher.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.lanyard.launcher.layout.RepositoryRoot;
import dev.lanyard.launcher.process.Waits;
import dev.lanyard.launcher.service.LanyardService;

/**
 * Everything the launcher is told: where its state goes, the ports, which pieces are
 * external, and how topics are made. Read from environment variables ({@link Setting}) by
 * {@code bin/lanyard}; built directly by tests.
 *
 * @param root the repository root
 * @param stateDirectory state, data and logs
 * @param ports the ports of what is started locally
 * @param kafkaBootstrapServers an external Kafka cluster, or null
 * @param registryUrl an external Apicurio Registry, or null
 * @param databaseUrl an external PostgreSQL server (JDBC URL without database), or null
 * @param databaseUsername database user
 * @param databasePassword database password
 * @param oidcUrl an external OIDC provider, or null
 * @param oidcJsonConfig the local OIDC provider's configuration
 * @param topicPartitions partitions per topic
 * @param topicReplicationFactor replication factor per topic
 * @param services the services to start
 * @param adminClientId id of token-broker's bootstrap administrator client
 * @param startupTimeout how long each component may take to become healthy
 * @param serviceEnvironment extra environment variables for every service
 * @param extraTokenBrokerPorts the ports of token-broker's instances beyond the first
 * (none: one instance)
 * @param kafkaNodes how many local Kafka nodes to start (one cluster); node n's ports are
 * {@link Ports#kafka(int)} and {@link Ports#kafkaController(int)}
 */
public record LauncherSettings(Path root, Path stateDirectory, Ports ports, String kafkaBootstrapServers,
		String registryUrl, String databaseUrl, String databaseUsername, String databasePassword, String oidcUrl,
		String oidcJsonConfig, int topicPartitions, short topicReplicationFactor, List<LanyardService> services,
		String adminClientId, Duration startupTimeout, Map<String, String> serviceEnvironment,
		List<Integer> extraTokenBrokerPorts, int kafkaNodes) {

	/** The most token-broker instances the launcher starts. */
	public static final int MAX_TOKEN_BROKER_INSTANCES = 4;

	/**
	 * Above this the node ports grow past the range {@link Ports#kafka(int)} documents.
	 */
	static final int MAX_KAFKA_NODES = 9;

	/**
	 * Replication factor of the topics when the setting is unset and there are enough
	 * nodes.
	 */
	private static final short CLUSTER_REPLICATION_FACTOR = 3;

	public LauncherSettings {
		if (root == null || stateDirectory == null || ports == null) {
			throw new IllegalArgumentException("root, stateDirectory and ports cannot be null");
		}
		if (topicPartitions < 1) {
			throw new IllegalArgumentException(Setting.TOPIC_PARTITIONS.variable() + " must be at least 1");
		}
		if (topicReplicationFactor < 1) {
			throw new IllegalArgumentException(Setting.TOPIC_REPLICATION_FACTOR.variable() + " must be at least 1");
		}
		if (services == null || services.isEmpty()) {
			throw new IllegalArgumentException(Setting.SERVICES.variable() + " must name at least one service");
		}
		if (adminClientId == null || !adminClientId.matches("[A-Za-z0-9._-]+")) {
			throw new IllegalArgumentException(
					Setting.ADMIN_CLIENT_ID.variable() + " must be letters, digits, dots, dashes or underscores");
		}
		if (startupTimeout == null || startupTimeout.isNegative() || startupTimeout.isZero()) {
			throw new IllegalArgumentException(Setting.STARTUP_TIMEOUT.variable() + " must be positive");
		}
		extraTokenBrokerPorts = List.copyOf((extraTokenBrokerPorts != null) ? extraTokenBrokerPorts : List.of());
		requireOwnPorts(ports, extraTokenBrokerPorts);
		if (kafkaNodes < 1 || kafkaNodes > MAX_KAFKA_NODES) {
			throw new IllegalArgumentException(
					Setting.KAFKA_NODES.variable() + " must be between 1 and " + MAX_KAFKA_NODES + ": " + kafkaNodes);
		}
		if (kafkaBootstrapServers == null) {
			checkKafkaNodes(ports, kafkaNodes, topicReplicationFactor);
		}
		services = List.copyOf(services);
		serviceEnvironment = Map.copyOf((serviceEnvironment != null) ? serviceEnvironment : Map.of());
		stateDirectory = stateDirectory.toAbsolutePath().normalize();
	}

	/** The settings of {@code bin/lanyard}, from environment variables. */
	public static LauncherSettings fromEnvironment(Map<String, String> environment, Path root) {
		SettingReader read = new SettingReader(environment);
		int kafkaNodes = read.integer(Setting.KAFKA_NODES, 1, MAX_KAFKA_NODES);
		String stateDir = read.optional(Setting.STATE_DIR);
		Ports ports = new Ports(read.port(Setting.GATEWAY_PORT), read.port(Setting.TOKEN_BROKER_PORT),
				read.port(Setting.AUDIT_PORT), read.port(Setting.INTEGRATION_REGISTRY_PORT),
				read.port(Setting.USER_PROVISIONING_PORT), read.port(Setting.REGISTRY_PORT),
				read.port(Setting.OIDC_PORT), read.port(Setting.KAFKA_PORT), read.port(Setting.KAFKA_CONTROLLER_PORT),
				read.port(Setting.POSTGRES_PORT));
		return new LauncherSettings(root, (stateDir != null) ? Path.of(stateDir) : root.resolve(".lanyard"), ports,
				read.bootstrapServers(Setting.KAFKA_BOOTSTRAP_SERVERS), read.httpUrl(Setting.REGISTRY_URL),
				read.jdbcUrl(Setting.DATABASE_URL), read.value(Setting.DATABASE_USERNAME),
				read.value(Setting.DATABASE_PASSWORD), read.httpUrl(Setting.OIDC_URL),
				read.value(Setting.OIDC_JSON_CONFIG), read.integer(Setting.TOPIC_PARTITIONS, 1, 10_000),
				replicationFactor(read, kafkaNodes), services(read), read.value(Setting.ADMIN_CLIENT_ID),
				duration(read), Map.of(), read.ports(Setting.TOKEN_BROKER_EXTRA_PORTS,
						read.integer(Setting.TOKEN_BROKER_INSTANCES, 1, MAX_TOKEN_BROKER_INSTANCES) - 1),
				kafkaNodes);
	}

	/**
	 * Settings for a test ensemble: free ports, its own state folder, nothing external,
	 * the repository root found by {@link RepositoryRoot#locate()}.
	 */
	public static LauncherSettings forTests(Path stateDirectory) {
		return forTests(RepositoryRoot.locate(), stateDirectory);
	}

	/**
	 * Settings for a test ensemble: free ports, its own state folder, nothing external.
	 * Only {@code LANYARD_STARTUP_TIMEOUT} is taken from the environment: a machine
	 * shared by several builds may need longer than the default to start every component.
	 */
	public static LauncherSettings forTests(Path root, Path stateDirectory) {
		String timeout = System.getenv(Setting.STARTUP_TIMEOUT.variable());
		Map<String, String> environment = (timeout != null && !timeout.isBlank())
				? Map.of(Setting.STARTUP_TIMEOUT.variable(), timeout) : Map.of();
		return fromEnvironment(environment, root).withStateDirectory(stateDirectory).withPorts(Ports.free());
	}

	public LauncherSettings withPorts(Ports ports) {
		return new LauncherSettings(this.root, this.stateDirectory, ports, this.kafkaBootstrapServers, this.registryUrl,
				this.databaseUrl, this.databaseUsername, this.databasePassword, this.oidcUrl, this.oidcJsonConfig,
				this.topicPartitions, this.topicReplicationFactor, this.services, this.adminClientId,
				this.startupTimeout, this.serviceEnvironment, this.extraTokenBrokerPorts, this.kafkaNodes);
	}

	public LauncherSettings withStateDirectory(Path stateDirectory) {
		return new LauncherSettings(this.root, stateDirectory, this.ports, this.kafkaBootstrapServers, this.registryUrl,
				this.databaseUrl, this.databaseUsername, this.databasePassword, this.oidcUrl, this.oidcJsonConfig,
				this.topicPartitions, this.topicReplicationFactor, this.services, this.adminClientId,
				this.startupTimeout, this.serviceEnvironment, this.extraTokenBrokerPorts, this.kafkaNodes);
	}

	public LauncherSettings withServices(List<LanyardService> services) {
		return new LauncherSettings(this.root, this.stateDirectory, this.ports, this.kafkaBootstrapServers,
				this.registryUrl, this.databaseUrl, this.databaseUsername, this.databasePassword, this.oidcUrl,
				this.oidcJsonConfig, this.topicPartitions, this.topicReplicationFactor, services, this.adminClientId,
				this.startupTimeout, this.serviceEnvironment, this.extraTokenBrokerPorts, this.kafkaNodes);
	}

	/** Adds an environment variable given to every service (e.g. a test-only setting). */
	public LauncherSettings withServiceEnvironment(String name, String value) {
		Map<String, String> environment = new HashMap<>(this.serviceEnvironment);
		environment.put(name, value);
		return new LauncherSettings(this.root, this.stateDirectory, this.ports, this.kafkaBootstrapServers,
				this.registryUrl, this.databaseUrl, this.databaseUsername, this.databasePassword, this.oidcUrl,
				this.oidcJsonConfig, this.topicPartitions, this.topicReplicationFactor, this.services,
				this.adminClientId, this.startupTimeout, environment, this.extraTokenBrokerPorts, this.kafkaNodes);
	}

	/**
	 * With {@code instances} token-broker instances, those beyond the first on free
	 * loopback ports (for tests).
	 */
	public LauncherSettings withTokenBrokerInstances(int instances) {
		if (instances < 1 || instances > MAX_TOKEN_BROKER_INSTANCES) {
			throw new IllegalArgumentException(
					"instances must be between 1 and " + MAX_TOKEN_BROKER_INSTANCES + ": " + instances);
		}
		List<Integer> extra = new java.util.ArrayList<>();
		while (extra.size() < instances - 1) {
			int port = dev.lanyard.launcher.process.Waits.freePort();
			if (!extra.contains(port) && !usedBy(this.ports, port)) {
				extra.add(port);
			}
		}
		return new LauncherSettings(this.root, this.stateDirectory, this.ports, this.kafkaBootstrapServers,
				this.registryUrl, this.databaseUrl, this.databaseUsername, this.databasePassword, this.oidcUrl,
				this.oidcJsonConfig, this.topicPartitions, this.topicReplicationFactor, this.services,
				this.adminClientId, this.startupTimeout, this.serviceEnvironment, extra, this.kafkaNodes);
	}

	/**
	 * The same with {@code kafkaNodes} local Kafka nodes, topics replicated to three of
	 * them (or to each, when fewer).
	 */
	public LauncherSettings withKafkaNodes(int kafkaNodes) {
		return new LauncherSettings(this.root, this.stateDirectory, this.ports, this.kafkaBootstrapServers,
				this.registryUrl, this.databaseUrl, this.databaseUsername, this.databasePassword, this.oidcUrl,
				this.oidcJsonConfig, this.topicPartitions, defaultReplicationFactor(kafkaNodes), this.services,
				this.adminClientId, this.startupTimeout, this.serviceEnvironment, this.extraTokenBrokerPorts,
				kafkaNodes);
	}

	/**
	 * Settings for a test ensemble with {@code kafkaNodes} Kafka nodes: as
	 * {@link #forTests(Path)}, on free ports whose derived node ports are free too.
	 */
	public static LauncherSettings forTests(Path stateDirectory, int kafkaNodes) {
		LauncherSettings settings = forTests(stateDirectory);
		for (int attempt = 0; attempt < 20; attempt++) {
			try {
				LauncherSettings candidate = settings.withPorts(Ports.free()).withKafkaNodes(kafkaNodes);
				if (candidate.kafkaNodePortsFree()) {
					return candidate;
				}
			}
			catch (IllegalArgumentException ex) {
				// a derived node port fell on another component's: draw again
			}
		}
		throw new IllegalStateException("Found no free ports for " + kafkaNodes + " Kafka nodes in 20 draws");
	}

	/** How many token-broker instances are started. */
	public int tokenBrokerInstances() {
		return 1 + this.extraTokenBrokerPorts.size();
	}

	public boolean externalKafka() {
		return this.kafkaBootstrapServers != null;
	}

	public boolean externalRegistry() {
		return this.registryUrl != null;
	}

	public boolean externalDatabase() {
		return this.databaseUrl != null;
	}

	public boolean externalOidc() {
		return this.oidcUrl != null;
	}

	private static void requireOwnPorts(Ports ports, List<Integer> extraTokenBrokerPorts) {
		if (extraTokenBrokerPorts.size() > MAX_TOKEN_BROKER_INSTANCES - 1) {
			throw new IllegalArgumentException(
					Setting.TOKEN_BROKER_INSTANCES.variable() + " must be between 1 and " + MAX_TOKEN_BROKER_INSTANCES);
		}
		for (int i = 0; i < extraTokenBrokerPorts.size(); i++) {
			int port = extraTokenBrokerPorts.get(i);
			if (port < 1 || port > 65535) {
				throw new IllegalArgumentException(
						Setting.TOKEN_BROKER_EXTRA_PORTS.variable() + " ports must be between 1 and 65535: " + port);
			}
			if (usedBy(ports, port) || extraTokenBrokerPorts.indexOf(port) != i) {
				throw new IllegalArgumentException(Setting.TOKEN_BROKER_EXTRA_PORTS.variable() + ": port " + port
						+ " is also used by another component");
			}
		}
	}

	private boolean kafkaNodePortsFree() {
		for (int node = 2; node <= this.kafkaNodes; node++) {
			if (Waits.listening(this.ports.kafka(node)) || Waits.listening(this.ports.kafkaController(node))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Every node's ports in range and used once; topics replicated to no more nodes than
	 * there are.
	 */
	private static void checkKafkaNodes(Ports ports, int kafkaNodes, short topicReplicationFactor) {
		if (topicReplicationFactor > kafkaNodes) {
			throw new IllegalArgumentException(
					Setting.TOPIC_REPLICATION_FACTOR.variable() + " (" + topicReplicationFactor + ") cannot exceed "
							+ Setting.KAFKA_NODES.variable() + " (" + kafkaNodes + ")");
		}
		Set<Integer> taken = new HashSet<>(
				List.of(ports.gateway(), ports.tokenBroker(), ports.audit(), ports.integrationRegistry(),
						ports.userProvisioning(), ports.registry(), ports.oidc(), ports.postgres()));
		for (int node = 1; node <= kafkaNodes; node++) {
			for (int port : new int[] { ports.kafka(node), ports.kafkaController(node) }) {
				if (port > 65535 || !taken.add(port)) {
					throw new IllegalArgumentException("Kafka node " + node + "'s port " + port
							+ " is out of range or also used by another component; set " + Setting.KAFKA_PORT.variable()
							+ " and " + Setting.KAFKA_CONTROLLER_PORT.variable() + " so that the " + kafkaNodes
							+ " nodes' ports are free");
				}
			}
		}
	}

	private static short replicationFactor(SettingReader read, int kafkaNodes) {
		return (read.optional(Setting.TOPIC_REPLICATION_FACTOR) != null)
				? (short) read.integer(Setting.TOPIC_REPLICATION_FACTOR, 1, Short.MAX_VALUE)
				: defaultReplicationFactor(kafkaNodes);
	}

	private static short defaultReplicationFactor(int kafkaNodes) {
		return (short) Math.min(kafkaNodes, CLUSTER_REPLICATION_FACTOR);
	}

	private static boolean usedBy(Ports ports, int port) {
		for (LanyardService service : LanyardService.values()) {
			if (ports.of(service) == port) {
				return true;
			}
		}
		return port == ports.registry() || port == ports.oidc() || port == ports.kafka()
				|| port == ports.kafkaController() || port == ports.postgres();
	}

	private static List<LanyardService> services(SettingReader read) {
		return Arrays.stream(read.value(Setting.SERVICES).split(","))
			.map(String::strip)
			.filter((name) -> !name.isEmpty())
			.map((name) -> {
				try {
					return LanyardService.of(name);
				}
				catch (IllegalArgumentException ex) {
					throw new IllegalArgumentException(Setting.SERVICES.variable() + ": " + ex.getMessage(), ex);
				}
			})
			.distinct()
			.toList();
	}

	private static Duration duration(SettingReader read) {
		String value = read.value(Setting.STARTUP_TIMEOUT);
		try {
			return value.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(value)) : Duration.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(Setting.STARTUP_TIMEOUT.variable()
					+ " must be an ISO-8601 duration (PT3M) or a number of seconds: " + value, ex);
		}
	}

}
