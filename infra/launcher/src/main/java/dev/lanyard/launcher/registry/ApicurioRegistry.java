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
 * process, with its default in-memory storage: schemas are registered again at every
 * start. Given a {@link RegistryWriteAccess}, every write needs that key's bearer token
 * and reads stay anonymous; without one (the bare test infrastructure) anyone may write.
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

	private volatile ManagedProcess process;

	/**
	 * @param port its HTTP port
	 * @param runner the {@code apicurio-registry-app-<version>-runner.jar}
	 * @param home its working directory
	 * @param logFile where its output is appended
	 * @param detached whether the process gets a session of its own
	 */
	public ApicurioRegistry(int port, Path runner, Path home, Path logFile, boolean detached) {
		this(port, runner, home, logFile, detached, null);
	}

	/**
	 * @param writeAccess whose tokens may write; null leaves writes open to anyone
	 */
	public ApicurioRegistry(int port, Path runner, Path home, Path logFile, boolean detached,
			RegistryWriteAccess writeAccess) {
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
		this.process = ManagedProcess.start(COMPONENT, arguments, Map.of(), this.home, this.logFile, this.port,
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

}
