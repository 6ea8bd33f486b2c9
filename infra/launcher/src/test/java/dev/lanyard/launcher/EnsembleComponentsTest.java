package dev.lanyard.launcher;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lanyard.launcher.kafka.KafkaCredentials;
import dev.lanyard.launcher.layout.Distribution;
import dev.lanyard.launcher.registry.ApicurioRegistry;
import dev.lanyard.launcher.service.ServiceProcess;
import dev.lanyard.launcher.settings.Endpoints;
import dev.lanyard.launcher.settings.GeneratedSettings;
import dev.lanyard.launcher.settings.LauncherSettings;
import dev.lanyard.launcher.settings.StateDirectory;

import static org.assertj.core.api.Assertions.assertThat;

class EnsembleComponentsTest {

	@TempDir
	Path root;

	@Test
	void servicesWhenOneTokenBrokerInstanceThenOnlyTheFive() {
		Map<String, ServiceProcess> services = services(Map.of());

		assertThat(services).containsOnlyKeys("auth-gateway", "token-broker", "audit", "integration-registry",
				"user-provisioning");
		assertThat(services.get("auth-gateway").environment()).containsEntry("LANYARD_GATEWAY_TOKEN_BROKER_URL",
				"http://127.0.0.1:8081");
	}

	@Test
	void servicesWhenTwoTokenBrokerInstancesThenSecondOnItsPortWithTheSameSettingsAndGatewayListsBoth() {
		Map<String, ServiceProcess> services = services(Map.of("LANYARD_TOKEN_BROKER_INSTANCES", "2"));

		ServiceProcess first = services.get("token-broker");
		ServiceProcess second = services.get("token-broker-2");
		assertThat(second.name()).isEqualTo("token-broker-2");
		assertThat(second.port()).isEqualTo(8086);
		assertThat(second.environment()).containsEntry("SERVER_PORT", "8086");
		Map<String, String> firstButPort = new java.util.HashMap<>(first.environment());
		firstButPort.put("SERVER_PORT", "8086");
		// same database, issuer, key-encryption key (so the same signing keys) and Kafka
		// user
		assertThat(second.environment()).isEqualTo(firstButPort);
		assertThat(services.get("auth-gateway").environment()).containsEntry("LANYARD_GATEWAY_TOKEN_BROKER_URL",
				"http://127.0.0.1:8081,http://127.0.0.1:8086");
		assertThat(EnsembleComponents.extraInstance("token-broker-2")).isTrue();
		assertThat(EnsembleComponents.extraInstance("token-broker")).isFalse();
	}

	@Test
	void registryStorageWhenLocalDatabaseThenItsOwnDatabaseRoleAndGeneratedPassword() {
		LauncherSettings settings = LauncherSettings.fromEnvironment(Map.of(), this.root)
			.withStateDirectory(this.root.resolve("state"));

		ApicurioRegistry.SqlStorage storage = EnsembleComponents.registryStorage(settings);

		assertThat(storage.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:15432/apicurio_registry");
		assertThat(storage.username()).isEqualTo("apicurio_registry");
		assertThat(storage.password())
			.isEqualTo(new Endpoints(settings).databaseCredentials().passwordOf("apicurio_registry"))
			.isNotEqualTo(new Endpoints(settings).databaseCredentials().superuserPassword())
			.hasSizeGreaterThan(20);
		assertThat(storage.toString()).doesNotContain(storage.password());
	}

	private Map<String, ServiceProcess> services(Map<String, String> environment) {
		LauncherSettings settings = LauncherSettings.fromEnvironment(environment, this.root)
			.withStateDirectory(this.root.resolve("state"));
		StateDirectory state = new StateDirectory(settings.stateDirectory());
		return EnsembleComponents.services(settings, state, new Distribution(this.root),
				GeneratedSettings.loadOrCreate(state), KafkaCredentials.loadOrCreate(state), false);
	}

}
