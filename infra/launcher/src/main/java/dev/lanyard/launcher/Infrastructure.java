package dev.lanyard.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.kafka.common.Uuid;

import dev.lanyard.launcher.kafka.KafkaBroker;
import dev.lanyard.launcher.kafka.KafkaBrokerConfig;
import dev.lanyard.launcher.kafka.KafkaTopics;
import dev.lanyard.launcher.layout.Distribution;
import dev.lanyard.launcher.layout.RepositoryRoot;
import dev.lanyard.launcher.postgres.EmbeddedPostgresServer;
import dev.lanyard.launcher.postgres.PostgresBinaries;
import dev.lanyard.launcher.postgres.Postmaster;
import dev.lanyard.launcher.process.Folders;
import dev.lanyard.launcher.process.ProcessRecord;
import dev.lanyard.launcher.process.ProcessRegistry;
import dev.lanyard.launcher.process.Waits;
import dev.lanyard.launcher.registry.ApicurioRegistry;
import dev.lanyard.launcher.registry.SchemaRegistration;

/**
 * Real Kafka, Apicurio Registry and PostgreSQL for tests, started once per JVM on free
 * loopback ports under {@code <module>/target/lanyard-infra/}: Kafka (KRaft, a separate
 * process), Apicurio Registry 3.0.9 (a separate process) with every schema of
 * {@code Topics.ALL} registered as BACKWARD_TRANSITIVE, every topic created, and
 * PostgreSQL embedded in the test JVM. A JVM shutdown hook stops everything.
 * <p>
 * Its registry takes writes from anyone, unlike the ensemble's (which needs the
 * launcher's key, {@code SecuredRegistryIT}): it lives only as long as one test JVM, on
 * loopback, and keeping it open keeps every service IT free of key handling.
 */
public final class Infrastructure {

	private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(90);

	private static final Duration REGISTRY_TIMEOUT = Duration.ofSeconds(180);

	private static Infrastructure shared;

	private static RuntimeException failure;

	private final Path home;

	private final ProcessRegistry processes;

	private final KafkaBroker kafka;

	private final ApicurioRegistry registry;

	private final Set<String> databases = ConcurrentHashMap.newKeySet();

	private volatile EmbeddedPostgresServer postgres;

	/** The superuser's password, new for each test JVM. */
	private final String databasePassword = dev.lanyard.launcher.settings.GeneratedSettings.randomSecret();

	private Infrastructure(Path home, Distribution distribution) {
		this.home = home;
		this.processes = new ProcessRegistry(home.resolve("run"));
		int kafkaPort = Waits.freePort();
		int controllerPort = freePortOtherThan(kafkaPort);
		this.kafka = new KafkaBroker(
				new KafkaBrokerConfig(kafkaPort, controllerPort, home.resolve("kafka"), home.resolve("logs/kafka.log"),
						distribution.kafkaClasspath(), Uuid.randomUuid().toString(), "384m", false));
		this.registry = new ApicurioRegistry(freePortOtherThan(kafkaPort, controllerPort),
				distribution.apicurioRunner(), home.resolve("apicurio"), home.resolve("logs/apicurio.log"), false);
	}

	/** The infrastructure of this JVM, started on first use. */
	public static synchronized Infrastructure shared() {
		if (failure != null) {
			throw new IllegalStateException("The test infrastructure failed to start earlier: " + failure.getMessage(),
					failure);
		}
		if (shared == null) {
			try {
				Path home = Path.of(System.getProperty("user.dir")).resolve("target/lanyard-infra");
				Infrastructure infrastructure = new Infrastructure(home, new Distribution(RepositoryRoot.locate()));
				infrastructure.start();
				shared = infrastructure;
			}
			catch (RuntimeException ex) {
				failure = ex;
				throw ex;
			}
		}
		return shared;
	}

	public String kafkaBootstrapServers() {
		return this.kafka.bootstrapServers();
	}

	/** Base URL of Apicurio Registry, e.g. {@code http://127.0.0.1:41234}. */
	public String registryUrl() {
		return this.registry.url();
	}

	/** JDBC URL of a database, created if it does not exist. */
	public String jdbcUrl(String database) {
		if (this.databases.add(database)) {
			try {
				this.postgres.databases().ensure(database);
			}
			catch (RuntimeException ex) {
				this.databases.remove(database);
				throw ex;
			}
		}
		return this.postgres.databases().jdbcUrl(database);
	}

	public String databaseUser() {
		return EmbeddedPostgresServer.USER;
	}

	public String databasePassword() {
		return this.databasePassword;
	}

	/** Stops the Kafka broker: process gone, port closed. */
	public void stopKafka() {
		this.kafka.stop();
		this.processes.forget(KafkaBroker.COMPONENT);
		log("Kafka stopped");
	}

	/**
	 * Starts the Kafka broker again on the same port and data; returns when it accepts
	 * connections.
	 */
	public void startKafka() {
		long started = System.nanoTime();
		this.processes.remember(this.kafka.start(KAFKA_TIMEOUT));
		log("Kafka started again in " + seconds(started));
	}

	private void start() {
		cleanUpAfterEarlierRun();
		// every test JVM starts from empty topics, schemas and databases
		Folders.deleteRecursively(this.home.resolve("kafka"));
		Folders.deleteRecursively(this.home.resolve("apicurio"));
		Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "lanyard-infra-stop"));
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			CompletableFuture<Void> kafkaReady = CompletableFuture.runAsync(this::startKafkaWithTopics, executor);
			CompletableFuture<Void> registryReady = CompletableFuture.runAsync(this::startRegistryWithSchemas,
					executor);
			CompletableFuture<Void> postgresReady = CompletableFuture.runAsync(this::startPostgres, executor);
			CompletableFuture.allOf(kafkaReady, registryReady, postgresReady).join();
		}
		catch (java.util.concurrent.CompletionException ex) {
			stop();
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime : ex;
		}
	}

	private void startKafkaWithTopics() {
		long started = System.nanoTime();
		this.processes.remember(this.kafka.start(KAFKA_TIMEOUT));
		log("Kafka ready at " + kafkaBootstrapServers() + " in " + seconds(started));
		KafkaTopics.create(kafkaBootstrapServers(), 3, (short) 1, KAFKA_TIMEOUT);
	}

	private void startRegistryWithSchemas() {
		long started = System.nanoTime();
		this.processes.remember(this.registry.start(REGISTRY_TIMEOUT));
		log("Apicurio Registry ready at " + registryUrl() + " in " + seconds(started));
		SchemaRegistration.registerAll(registryUrl(), REGISTRY_TIMEOUT, (message) -> {
		});
	}

	private void startPostgres() {
		long started = System.nanoTime();
		Path data = this.home.resolve("postgres");
		this.postgres = EmbeddedPostgresServer.start(0, data, true, PostgresBinaries.fromEnvironment(System.getenv()),
				this.databasePassword);
		Postmaster.of(data)
			.ifPresent((postmaster) -> this.processes.remember(dev.lanyard.launcher.process.ProcessRecord
				.of(Postmaster.COMPONENT, postmaster, this.postgres.port(), null)));
		log("PostgreSQL ready on port " + this.postgres.port() + " in " + seconds(started));
	}

	private synchronized void stop() {
		safely(this.registry::stop);
		safely(this.kafka::stop);
		if (this.postgres != null) {
			safely(this.postgres::close);
		}
		safely(() -> this.processes.all()
			.forEach((record) -> this.processes.terminate(record.component(), Duration.ofSeconds(5))));
	}

	/** Stops what a test JVM killed earlier left running under the same folder. */
	private void cleanUpAfterEarlierRun() {
		for (var record : this.processes.all()) {
			if (record.alive()) {
				log("Stopping " + record.component() + " (pid " + record.pid() + ") left over from an earlier run");
			}
			this.processes.terminate(record.component(), Duration.ofSeconds(10));
		}
	}

	private static void safely(Runnable action) {
		try {
			action.run();
		}
		catch (RuntimeException ex) {
			System.err.println("[lanyard-infra] " + ex.getMessage());
		}
	}

	private static int freePortOtherThan(int... taken) {
		while (true) {
			int port = Waits.freePort();
			if (java.util.Arrays.stream(taken).noneMatch((other) -> other == port)) {
				return port;
			}
		}
	}

	private static String seconds(long startedNanos) {
		return String.format("%.1f s", (System.nanoTime() - startedNanos) / 1e9);
	}

	private static void log(String message) {
		System.out.println("[lanyard-infra] " + message);
	}

}
