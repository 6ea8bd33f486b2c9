package dev.lanyard.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.lanyard.launcher.kafka.KafkaBroker;
import dev.lanyard.launcher.kafka.KafkaReadiness;
import dev.lanyard.launcher.oidc.OidcProvider;
import dev.lanyard.launcher.postgres.PostgresProcess;
import dev.lanyard.launcher.process.ProcessRecord;
import dev.lanyard.launcher.registry.ApicurioRegistry;
import dev.lanyard.launcher.registry.RegistryClient;
import dev.lanyard.launcher.service.HealthProbe;
import dev.lanyard.launcher.service.LanyardService;
import dev.lanyard.launcher.settings.Endpoints;
import dev.lanyard.launcher.settings.LauncherSettings;
import dev.lanyard.launcher.settings.StateDirectory;

/** Each component's pid, port and health, for {@code bin/lanyard status}. */
final class StatusReport {

	/**
	 * One line of the report.
	 *
	 * @param component its name
	 * @param pid its pid, or null when not running here
	 * @param address where it answers
	 * @param health UP, DOWN, stopped, external ...
	 */
	record Row(String component, Long pid, String address, String health) {

		boolean healthy() {
			return "UP".equals(this.health) || this.health.startsWith("external");
		}

	}

	private StatusReport() {
	}

	static List<Row> of(LauncherSettings settings) {
		StateDirectory state = new StateDirectory(settings.stateDirectory());
		Endpoints endpoints = new Endpoints(settings);
		List<Row> rows = new ArrayList<>();
		rows.add(row(state, PostgresProcess.COMPONENT, settings.externalDatabase(),
				endpoints.databases().serverUrl().replaceAll("\\?.*$", ""), () -> endpoints.databases().answers()));
		if (settings.externalKafka() || settings.kafkaNodes() == 1) {
			rows.add(row(state, KafkaBroker.COMPONENT, settings.externalKafka(), endpoints.kafkaBootstrapServers(),
					() -> kafkaAnswers(endpoints)));
		}
		else {
			for (int node = 1; node <= settings.kafkaNodes(); node++) {
				// UP: the cluster answers through this node
				String address = "127.0.0.1:" + settings.ports().kafka(node);
				rows.add(row(state, KafkaBroker.nodeName(node), false, address,
						() -> kafkaAnswers(address, endpoints.kafkaSecurity())));
			}
		}
		rows.add(row(state, ApicurioRegistry.COMPONENT, settings.externalRegistry(), endpoints.registryUrl(),
				() -> new RegistryClient(endpoints.registryUrl()).answers()));
		rows.add(row(state, OidcProvider.COMPONENT, settings.externalOidc(), endpoints.oidcIssuer(),
				() -> dev.lanyard.launcher.oidc.OidcProvider
					.answers(endpoints.oidcIssuer() + "/.well-known/openid-configuration")));
		for (LanyardService service : settings.services()) {
			rows.add(serviceRow(state, service.serviceName(), endpoints.serviceUrl(service)));
			if (service == LanyardService.TOKEN_BROKER) {
				List<String> urls = endpoints.tokenBrokerUrls();
				for (int i = 1; i < urls.size(); i++) {
					rows.add(serviceRow(state, service.instanceName(i + 1), urls.get(i)));
				}
			}
		}
		return rows;
	}

	private static Row serviceRow(StateDirectory state, String component, String url) {
		Optional<ProcessRecord> record = running(state, component);
		return new Row(component, record.map(ProcessRecord::pid).orElse(null), url,
				record.isPresent() ? HealthProbe.status(url) : "stopped");
	}

	private static Row row(StateDirectory state, String component, boolean external, String address,
			java.util.function.BooleanSupplier answers) {
		if (external) {
			return new Row(component, null, address, "external, " + (answers.getAsBoolean() ? "answers" : "no answer"));
		}
		Optional<ProcessRecord> record = running(state, component);
		String health = record.isEmpty() ? "stopped" : (answers.getAsBoolean() ? "UP" : "DOWN");
		return new Row(component, record.map(ProcessRecord::pid).orElse(null), address, health);
	}

	private static Optional<ProcessRecord> running(StateDirectory state, String component) {
		return state.processes().find(component).filter(ProcessRecord::alive);
	}

	private static boolean kafkaAnswers(Endpoints endpoints) {
		return kafkaAnswers(endpoints.kafkaBootstrapServers(), endpoints.kafkaSecurity());
	}

	private static boolean kafkaAnswers(String bootstrapServers, java.util.Map<String, Object> security) {
		try (var admin = KafkaReadiness.admin(bootstrapServers, security)) {
			return KafkaReadiness.answers(admin);
		}
	}

}
