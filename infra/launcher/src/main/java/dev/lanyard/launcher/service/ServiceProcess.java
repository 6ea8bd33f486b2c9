package dev.lanyard.launcher.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import dev.lanyard.launcher.process.Component;
import dev.lanyard.launcher.process.JavaCommand;
import dev.lanyard.launcher.process.ManagedProcess;
import dev.lanyard.launcher.process.Waits;

/**
 * One service run from its Spring Boot jar, healthy when {@code /actuator/health} is UP.
 */
public final class ServiceProcess implements Component {

	/** The seed source that makes DRBG the default SecureRandom; see {@link #start}. */
	public static final String SEED_SOURCE = "file:/dev/./urandom";

	private final LanyardService service;

	private final String name;

	private final Path jar;

	private final int port;

	private final Map<String, String> environment;

	private final Path home;

	private final Path logFile;

	private final boolean detached;

	private volatile ManagedProcess process;

	/**
	 * @param service which service
	 * @param jar its Spring Boot jar
	 * @param port its HTTP port
	 * @param environment its settings (a null value removes an inherited variable)
	 * @param home its working directory
	 * @param logFile where its output is appended
	 * @param detached whether the process gets a session of its own
	 */
	public ServiceProcess(LanyardService service, Path jar, int port, Map<String, String> environment, Path home,
			Path logFile, boolean detached) {
		this(service, (service != null) ? service.serviceName() : null, jar, port, environment, home, logFile,
				detached);
	}

	/**
	 * One instance of a service started more than once ({@code token-broker-2}).
	 * @param name its component name
	 */
	public ServiceProcess(LanyardService service, String name, Path jar, int port, Map<String, String> environment,
			Path home, Path logFile, boolean detached) {
		if (service == null || name == null || jar == null || environment == null || home == null || logFile == null) {
			throw new IllegalArgumentException("service, name, jar, environment, home and logFile cannot be null");
		}
		this.service = service;
		this.name = name;
		this.jar = jar;
		this.port = port;
		this.environment = environment;
		this.home = home;
		this.logFile = logFile;
		this.detached = detached;
	}

	/**
	 * The same service on the same port and data with some settings changed (a null value
	 * removes one); not started.
	 */
	public ServiceProcess withSettings(Map<String, String> changes) {
		if (changes == null) {
			throw new IllegalArgumentException("changes cannot be null");
		}
		Map<String, String> environment = new HashMap<>(this.environment);
		environment.putAll(changes);
		return new ServiceProcess(this.service, this.name, this.jar, this.port, environment, this.home, this.logFile,
				this.detached);
	}

	@Override
	public String name() {
		return this.name;
	}

	public int port() {
		return this.port;
	}

	/** Its settings (a null value removes an inherited variable). */
	public Map<String, String> environment() {
		return java.util.Collections.unmodifiableMap(this.environment);
	}

	public String url() {
		return "http://127.0.0.1:" + this.port;
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
		if (!Files.isRegularFile(this.jar)) {
			throw new IllegalStateException("The jar of " + name() + " is missing at " + this.jar
					+ "; build it first: ./mvnw -q -DskipTests package");
		}
		if (Waits.listening(this.port)) {
			throw new IllegalStateException("Cannot start " + name() + ": port " + this.port + " is already in use");
		}
		var java = this.service.onHotPath() ? JavaCommand.withHeap("384m")
				: JavaCommand.withHeap("256m").option("-XX:TieredStopAtLevel=1");
		// DRBG instead of NativePRNG as the JDK's default SecureRandom (the seed
		// source differs from the literal file:/dev/urandom): no read of
		// /dev/urandom under one lock per token signed
		var command = java.systemProperty("java.security.egd", SEED_SOURCE).jar(this.jar).toList();
		this.process = ManagedProcess.start(name(), command, this.environment, this.home, this.logFile, this.port,
				this.detached);
		Waits.until(name() + " to be healthy at " + url() + "/actuator/health", timeout, this.process,
				() -> HealthProbe.up(url()));
		return this.process;
	}

	@Override
	public void stop() {
		if (this.process != null) {
			this.process.stop(Duration.ofSeconds(20));
			this.process = null;
		}
	}

}
