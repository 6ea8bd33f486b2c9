package dev.lanyard.launcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import dev.lanyard.launcher.kafka.KafkaBroker;
import dev.lanyard.launcher.kafka.KafkaBrokerConfig;
import dev.lanyard.launcher.kafka.KafkaCredentials;
import dev.lanyard.launcher.layout.Distribution;
import dev.lanyard.launcher.oidc.OidcProvider;
import dev.lanyard.launcher.postgres.PostgresBinaries;
import dev.lanyard.launcher.postgres.PostgresCredentials;
import dev.lanyard.launcher.postgres.PostgresProcess;
import dev.lanyard.launcher.process.Component;
import dev.lanyard.launcher.registry.ApicurioRegistry;
import dev.lanyard.launcher.registry.RegistryWriteAccess;
import dev.lanyard.launcher.service.LanyardService;
import dev.lanyard.launcher.service.ServiceEnvironment;
import dev.lanyard.launcher.service.ServiceProcess;
import dev.lanyard.launcher.settings.Endpoints;
import dev.lanyard.launcher.settings.GeneratedSettings;
import dev.lanyard.launcher.settings.LauncherSettings;
import dev.lanyard.launcher.settings.StateDirectory;

/** Builds the components an ensemble starts itself (external pieces are left out). */
final class EnsembleComponents {

	/** Stop order: services first, the data stores last. */
	static final List<String> STOP_ORDER = List.of(LanyardService.AUTH_GATEWAY.serviceName(),
			LanyardService.TOKEN_BROKER.serviceName(), LanyardService.AUDIT.serviceName(),
			LanyardService.INTEGRATION_REGISTRY.serviceName(), LanyardService.USER_PROVISIONING.serviceName(),
			OidcProvider.COMPONENT, ApicurioRegistry.COMPONENT, KafkaBroker.COMPONENT, PostgresProcess.COMPONENT,
			dev.lanyard.launcher.postgres.Postmaster.COMPONENT);

	private EnsembleComponents() {
	}

	/** The infrastructure to start, by name. */
	static Map<String, Component> infrastructure(LauncherSettings settings, StateDirectory state,
			Distribution distribution, GeneratedSettings generated, KafkaCredentials kafka, boolean detached) {
		Map<String, Component> components = new LinkedHashMap<>();
		var ports = settings.ports();
		if (!settings.externalDatabase()) {
			List<String> databases = new ArrayList<>(
					settings.services().stream().map(LanyardService::database).toList());
			if (!settings.externalRegistry()) {
				databases.add(ApicurioRegistry.SqlStorage.DATABASE);
			}
			// its passwords file, written before the process reads it
			new Endpoints(settings).databaseCredentials();
			components.put(PostgresProcess.COMPONENT,
					new PostgresProcess(ports.postgres(), state.data(PostgresProcess.COMPONENT), databases,
							PostgresBinaries.fromEnvironment(System.getenv()), state.file(PostgresCredentials.FILE),
							distribution.launcherClasspath(), state.work(PostgresProcess.COMPONENT),
							state.logFile(PostgresProcess.COMPONENT), detached));
		}
		if (!settings.externalKafka()) {
			kafkaNodes(settings, state, distribution, generated, kafka, detached)
				.forEach((node) -> components.put(node.name(), node));
		}
		if (!settings.externalRegistry()) {
			components.put(ApicurioRegistry.COMPONENT,
					new ApicurioRegistry(ports.registry(), distribution.apicurioRunner(),
							state.work(ApicurioRegistry.COMPONENT), state.logFile(ApicurioRegistry.COMPONENT), detached,
							RegistryWriteAccess.loadOrCreate(state), registryStorage(settings)));
		}
		if (!settings.externalOidc()) {
			components.put(OidcProvider.COMPONENT,
					new OidcProvider(ports.oidc(), distribution.oidcProviderClasspath(),
							state.work(OidcProvider.COMPONENT), state.logFile(OidcProvider.COMPONENT),
							settings.oidcJsonConfig(), detached));
		}
		return components;
	}

	/** The registry's schemas in a database of their own beside the services'. */
	static ApicurioRegistry.SqlStorage registryStorage(LauncherSettings settings) {
		// on the local server a role of its own, like each service's
		Endpoints endpoints = new Endpoints(settings);
		String database = ApicurioRegistry.SqlStorage.DATABASE;
		return new ApicurioRegistry.SqlStorage(endpoints.databases().jdbcUrl(database),
				endpoints.databaseUsername(database), endpoints.databasePassword(database));
	}

	/** Whether a component is a service's second or later instance. */
	static boolean extraInstance(String name) {
		return name.startsWith(LanyardService.TOKEN_BROKER.serviceName() + "-");
	}

	/**
	 * token-broker's instances beyond the first ({@code token-broker-2}, ...): the same
	 * settings (database, signing keys sealed with the same key, Kafka user and consumer
	 * group) on their own ports, each with its own working folder and log.
	 */
	private static Map<String, ServiceProcess> extraTokenBrokers(LauncherSettings settings, StateDirectory state,
			Distribution distribution, Map<String, String> environment, boolean detached) {
		Map<String, ServiceProcess> instances = new LinkedHashMap<>();
		List<Integer> ports = settings.extraTokenBrokerPorts();
		for (int i = 0; i < ports.size(); i++) {
			String name = LanyardService.TOKEN_BROKER.instanceName(i + 2);
			Map<String, String> own = new java.util.HashMap<>(environment);
			own.put("SERVER_PORT", Integer.toString(ports.get(i)));
			instances.put(name,
					new ServiceProcess(LanyardService.TOKEN_BROKER, name,
							distribution.serviceJar(LanyardService.TOKEN_BROKER.serviceName()), ports.get(i), own,
							state.work(name), state.logFile(name), detached));
		}
		return instances;
	}

	/**
	 * One node ({@code kafka}), or a cluster of {@code kafka-1}... on the same quorum and
	 * cluster id, each with its own ports, data and log. A cluster's nodes get a smaller
	 * heap each: three of them and the services share a small machine.
	 */
	static List<KafkaBroker> kafkaNodes(LauncherSettings settings, StateDirectory state, Distribution distribution,
			GeneratedSettings generated, KafkaCredentials kafka, boolean detached) {
		int count = settings.kafkaNodes();
		var ports = settings.ports();
		List<Integer> quorum = IntStream.rangeClosed(1, count).mapToObj(ports::kafkaController).toList();
		List<KafkaBroker> nodes = new ArrayList<>();
		for (int node = 1; node <= count; node++) {
			String name = (count == 1) ? KafkaBroker.COMPONENT : KafkaBroker.nodeName(node);
			nodes.add(new KafkaBroker(new KafkaBrokerConfig(ports.kafka(node), ports.kafkaController(node),
					state.data(name), state.logFile(name), distribution.kafkaClasspath(), generated.kafkaClusterId(),
					(count == 1) ? "384m" : "256m", detached, kafka.adminPassword(), node, quorum)));
		}
		return nodes;
	}

	/** The services to start, by name. */
	static Map<String, ServiceProcess> services(LauncherSettings settings, StateDirectory state,
			Distribution distribution, GeneratedSettings generated, KafkaCredentials kafka, boolean detached) {
		Endpoints endpoints = new Endpoints(settings);
		Map<String, ServiceProcess> services = new LinkedHashMap<>();
		for (LanyardService service : settings.services()) {
			String name = service.serviceName();
			// an external cluster's credentials are the operator's to pass through
			Map<String, Object> kafkaSecurity = settings.externalKafka() ? Map.of()
					: kafka.serviceClientProperties(name);
			Map<String, String> environment = ServiceEnvironment.of(service, endpoints, settings.adminClientId(),
					generated.adminClientSecret(), generated.gatewayClientSecret(),
					generated.tokenBrokerKeyEncryptionKey(), kafkaSecurity);
			services.put(name, new ServiceProcess(service, distribution.serviceJar(name), settings.ports().of(service),
					environment, state.work(name), state.logFile(name), detached));
			if (service == LanyardService.TOKEN_BROKER) {
				services.putAll(extraTokenBrokers(settings, state, distribution, environment, detached));
			}
		}
		return services;
	}

}
