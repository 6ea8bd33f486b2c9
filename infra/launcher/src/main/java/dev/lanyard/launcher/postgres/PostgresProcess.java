package dev.lanyard.launcher.postgres;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.lanyard.launcher.process.Component;
import dev.lanyard.launcher.process.JavaCommand;
import dev.lanyard.launcher.process.ManagedProcess;
import dev.lanyard.launcher.process.ProcessTree;
import dev.lanyard.launcher.process.Waits;

/**
 * PostgreSQL as a process of its own ({@link PostgresServer}) with a persistent data
 * directory.
 */
public final class PostgresProcess implements Component {

	public static final String COMPONENT = "postgres";

	private final int port;

	private final Path dataDirectory;

	private final List<String> databases;

	private final PostgresBinaries binaries;

	private final Path passwordsFile;

	private final Path classpath;

	private final Path home;

	private final Path logFile;

	private final boolean detached;

	private volatile ManagedProcess process;

	/**
	 * @param port its port
	 * @param dataDirectory its data directory (kept between runs)
	 * @param databases the databases to create
	 * @param binaries where the PostgreSQL programs are unpacked (once, shared)
	 * @param passwordsFile the superuser's and each database role's password
	 * ({@link PostgresCredentials}, written beforehand)
	 * @param classpath folder holding the launcher's jars
	 * @param home its working directory
	 * @param logFile where its output is appended
	 * @param detached whether the process gets a session of its own
	 */
	public PostgresProcess(int port, Path dataDirectory, List<String> databases, PostgresBinaries binaries,
			Path passwordsFile, Path classpath, Path home, Path logFile, boolean detached) {
		if (dataDirectory == null || databases == null || binaries == null || passwordsFile == null || classpath == null
				|| home == null || logFile == null) {
			throw new IllegalArgumentException(
					"dataDirectory, databases, binaries, passwordsFile, classpath, home and logFile cannot be null");
		}
		databases.forEach(PostgresDatabases::requireName);
		this.port = port;
		this.dataDirectory = dataDirectory;
		this.databases = List.copyOf(databases);
		this.binaries = binaries;
		this.passwordsFile = passwordsFile;
		this.classpath = classpath;
		this.home = home;
		this.logFile = logFile;
		this.detached = detached;
	}

	@Override
	public String name() {
		return COMPONENT;
	}

	/** Its databases, reached as the superuser. */
	public PostgresDatabases databases() {
		return new PostgresDatabases("jdbc:postgresql://127.0.0.1:" + this.port, EmbeddedPostgresServer.USER,
				PostgresCredentials.read(this.passwordsFile).superuserPassword());
	}

	@Override
	public ManagedProcess process() {
		return this.process;
	}

	@Override
	public ManagedProcess start(Duration timeout) {
		if (this.process != null && this.process.alive()) {
			return this.process;
		}
		if (Waits.listening(this.port)) {
			throw new IllegalStateException("Cannot start PostgreSQL: port " + this.port + " is already in use");
		}
		var command = JavaCommand.withHeap("96m")
			.systemProperty("logback.configurationFile", "dev/lanyard/launcher/logback-launcher.xml")
			.mainClass(this.classpath, PostgresServer.class.getName())
			.argument(Integer.toString(this.port))
			.argument(this.dataDirectory.toString())
			.argument(this.binaries.cache().toString())
			.argument(this.passwordsFile.toString())
			.argument(String.join(",", this.databases))
			.toList();
		this.process = ManagedProcess.start(COMPONENT, command, Map.of(), this.home, this.logFile, this.port,
				this.detached);
		PostgresDatabases databases = databases();
		PostgresCredentials credentials = PostgresCredentials.read(this.passwordsFile);
		// the role's password is set last: a role that signs in has its database ready
		Waits.until("PostgreSQL on port " + this.port + " to have its databases, each with its role", timeout,
				this.process, () -> databases.answers() && this.databases.stream()
					.allMatch((database) -> databases.accepts(database, database, credentials.passwordOf(database))));
		return this.process;
	}

	@Override
	public void stop() {
		if (this.process != null) {
			this.process.stop(Duration.ofSeconds(30));
			this.process = null;
		}
		// the postmaster is not the JVM's child; stop it should the JVM have died without
		// doing so
		Postmaster.of(this.dataDirectory)
			.ifPresent((postmaster) -> ProcessTree.terminate(postmaster, Duration.ofSeconds(30)));
	}

}
