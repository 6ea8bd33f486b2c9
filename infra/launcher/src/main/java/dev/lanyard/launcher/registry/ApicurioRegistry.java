package dev.lanyard.launcher.registry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.lanyard.launcher.process.Component;
import dev.lanyard.launcher.process.JavaCommand;
import dev.lanyard.launcher.process.ManagedProcess;
import dev.lanyard.launcher.process.Waits;

/**
 * Apicurio Registry (the Quarkus app from its distribution zip) as its own {@code java}
 * process. {@code bin/lanyard up} keeps its schemas in PostgreSQL ({@link SqlStorage}),
 * as compose and Kubernetes do: Kafka's records outlive a restart and name their writer
 * schema by content id, so the ids must too. In memory, a restart gave the ids out again
 * in registration order, and once a schema had changed an old record's id named another
 * schema or none. The services' tests keep the in-memory storage: each test JVM starts
 * from empty topics. Given a {@link RegistryWriteAccess}, every write needs that key's
 * bearer token and reads stay anonymous; without one (the bare test infrastructure)
 * anyone may write.
 */
public final class ApicurioRegistry implements Component {

	@Override
	public String name() {
		return COMPONENT;
	}

	public static final String COMPONENT = "apicurio";

	private final int port;

	private final Path runner;

	private final Path home;

	private final Path logFile;

	private final boolean detached;

	private final RegistryWriteAccess writeAccess;

	private final SqlStorage storage;

	private volatile ManagedProcess process;

	/**
	 * @param port its HTTP port
	 * @param runner the {@code apicurio-registry-app-<version>-runner.jar}
	 * @param home its working directory
	 * @param logFile where its output is appended
	 * @param detached whether the process gets a session of its own
	 */
	public ApicurioRegistry(int port, Path runner, Path home, Path logFile, boolean detached) {
		this(port, runner, home, logFile, detached, null, null);
	}

	/**
	 * @param port its HTTP port
	 * @param runner the {@code apicurio-registry-app-<version>-runner.jar}
	 * @param home its working directory
	 * @param logFile where its output is appended
	 * @param detached whether the process gets a session of its own
	 * @param writeAccess whose tokens may write; null leaves writes open to anyone
	 * @param storage the database that keeps its schemas, null to keep them in memory
	 */
	public ApicurioRegistry(int port, Path runner, Path home, Path logFile, boolean detached,
			RegistryWriteAccess writeAccess, SqlStorage storage) {
		if (port <= 0) {
			throw new IllegalArgumentException("port must be positive");
		}
		if (runner == null || home == null || logFile == null) {
			throw new IllegalArgumentException("runner, home and logFile cannot be null");
		}
		this.port = port;
		this.runner = runner;
		this.home = home;
		this.logFile = logFile;
		this.detached = detached;
		this.writeAccess = writeAccess;
		this.storage = storage;
	}

	public String url() {
		return "http://127.0.0.1:" + this.port;
	}

	/** Whose tokens may write; null when writes are open. */
	public RegistryWriteAccess writeAccess() {
		return this.writeAccess;
	}

	@Override
	public ManagedProcess process() {
		return this.process;
	}

	/** Starts the registry and returns once its system-info endpoint answers. */
	@Override
	public ManagedProcess start(Duration timeout) {
		if (this.process != null && this.process.alive()) {
			return this.process;
		}
		if (Waits.listening(this.port)) {
			throw new IllegalStateException("Cannot start Apicurio Registry: port " + this.port + " is already in use");
		}
		var command = JavaCommand.withHeap("384m")
			.systemProperty("quarkus.http.host", "127.0.0.1")
			.systemProperty("quarkus.http.port", Integer.toString(this.port))
			.systemProperty("quarkus.log.console.color", "false");
		if (this.writeAccess != null) {
			// only the public key and names: nothing secret on a command line
			this.writeAccess.registrySettings().forEach(command::systemProperty);
		}
		List<String> arguments = command.jar(this.runner).toList();
		// the password in the environment, not on a command line anyone can list
		Map<String, String> environment = (this.storage != null) ? this.storage.environment() : Map.of();
		this.process = ManagedProcess.start(COMPONENT, arguments, environment, this.home, this.logFile, this.port,
				this.detached);
		RegistryClient client = new RegistryClient(url());
		Waits.until("Apicurio Registry at " + url() + " to answer", timeout, this.process, client::answers);
		return this.process;
	}

	@Override
	public void stop() {
		if (this.process != null) {
			this.process.stop(Duration.ofSeconds(15));
			this.process = null;
		}
	}

	/**
	 * Apicurio's SQL storage on PostgreSQL.
	 *
	 * @param jdbcUrl the registry's database
	 * @param username its user
	 * @param password its password
	 */
	public record SqlStorage(String jdbcUrl, String username, String password) {

		/** The database the launcher creates for it, as compose names it. */
		public static final String DATABASE = "apicurio_registry";

		public SqlStorage {
			if (jdbcUrl == null || username == null || password == null) {
				throw new IllegalArgumentException("jdbcUrl, username and password cannot be null");
			}
		}

		Map<String, String> environment() {
			return Map.of("APICURIO_STORAGE_KIND", "sql", "APICURIO_STORAGE_SQL_KIND", "postgresql",
					"APICURIO_DATASOURCE_URL", this.jdbcUrl, "APICURIO_DATASOURCE_USERNAME", this.username,
					"APICURIO_DATASOURCE_PASSWORD", this.password);
		}

		@Override
		public String toString() {
			return "SqlStorage[" + this.jdbcUrl + ", " + this.username + "]";
		}

	}

}
