package dev.lanyard.launcher.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.lanyard.launcher.service.LanyardService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LauncherSettingsTest {

	private static final Path ROOT = Path.of("/repo");

	@Test
	void fromEnvironmentWhenNothingSetThenContractDefaults() {
		LauncherSettings settings = LauncherSettings.fromEnvironment(Map.of(), ROOT);
		assertThat(settings.ports()).isEqualTo(Ports.defaults());
		assertThat(settings.ports().gateway()).isEqualTo(8080);
		assertThat(settings.ports().registry()).isEqualTo(8085);
		assertThat(settings.ports().oidc()).isEqualTo(8090);
		assertThat(settings.ports().kafka()).isEqualTo(9092);
		assertThat(settings.ports().kafkaController()).isEqualTo(9093);
		assertThat(settings.ports().postgres()).isEqualTo(15432);
		assertThat(settings.stateDirectory()).isEqualTo(Path.of("/repo/.lanyard"));
		assertThat(settings.services()).containsExactly(LanyardService.values());
		assertThat(settings.topicPartitions()).isEqualTo(3);
		assertThat(settings.topicReplicationFactor()).isEqualTo((short) 1);
		assertThat(settings.startupTimeout()).isEqualTo(Duration.ofMinutes(3));
		assertThat(settings.externalKafka()).isFalse();
		assertThat(settings.externalRegistry()).isFalse();
		assertThat(settings.externalDatabase()).isFalse();
		assertThat(settings.externalOidc()).isFalse();
	}

	@Test
	void fromEnvironmentWhenNothingSetThenOneTokenBrokerInstance() {
		LauncherSettings settings = LauncherSettings.fromEnvironment(Map.of(), ROOT);
		assertThat(settings.tokenBrokerInstances()).isEqualTo(1);
		assertThat(settings.extraTokenBrokerPorts()).isEmpty();
		assertThat(new Endpoints(settings).tokenBrokerUrls()).containsExactly("http://127.0.0.1:8081");
	}

	@Test
	void fromEnvironmentWhenThreeTokenBrokerInstancesThenTheFirstTwoExtraPorts() {
		LauncherSettings settings = LauncherSettings.fromEnvironment(
				Map.of("LANYARD_TOKEN_BROKER_INSTANCES", "3", "LANYARD_TOKEN_BROKER_EXTRA_PORTS", "18086, 18087,18088"),
				ROOT);
		assertThat(settings.tokenBrokerInstances()).isEqualTo(3);
		assertThat(new Endpoints(settings).tokenBrokerUrls()).containsExactly("http://127.0.0.1:8081",
				"http://127.0.0.1:18086", "http://127.0.0.1:18087");
	}

	@Test
	void fromEnvironmentWhenTokenBrokerInstancesOutOfRangeThenNamesVariable() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LauncherSettings.fromEnvironment(Map.of("LANYARD_TOKEN_BROKER_INSTANCES", "5"), ROOT))
			.withMessage("LANYARD_TOKEN_BROKER_INSTANCES must be between 1 and 4: 5");
	}

	@Test
	void fromEnvironmentWhenExtraTokenBrokerPortTakenThenNamesVariable() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LauncherSettings.fromEnvironment(
					Map.of("LANYARD_TOKEN_BROKER_INSTANCES", "2", "LANYARD_TOKEN_BROKER_EXTRA_PORTS", "8082"), ROOT))
			.withMessage("LANYARD_TOKEN_BROKER_EXTRA_PORTS: port 8082 is also used by another component");
	}

	@Test
	void fromEnvironmentWhenTooFewExtraTokenBrokerPortsThenNamesVariable() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LauncherSettings.fromEnvironment(
					Map.of("LANYARD_TOKEN_BROKER_INSTANCES", "3", "LANYARD_TOKEN_BROKER_EXTRA_PORTS", "18086"), ROOT))
			.withMessage("LANYARD_TOKEN_BROKER_EXTRA_PORTS must list at least 2 ports: 18086");
	}

	@Test
	void withTokenBrokerInstancesWhenTwoThenOneFreePortOfItsOwn() {
		LauncherSettings settings = LauncherSettings.forTests(ROOT, Path.of("/tmp/state")).withTokenBrokerInstances(2);
		assertThat(settings.extraTokenBrokerPorts()).hasSize(1)
			.doesNotContain(settings.ports().tokenBroker(), settings.ports().gateway());
		assertThat(settings.withPorts(settings.ports()).extraTokenBrokerPorts())
			.isEqualTo(settings.extraTokenBrokerPorts());
	}

	@Test
	void fromEnvironmentWhenOverriddenThenUsesValues() {
		LauncherSettings settings = LauncherSettings.fromEnvironment(
				Map.of("LANYARD_STATE_DIR", "/tmp/state", "LANYARD_AUDIT_PORT", "18082", "LANYARD_TOPIC_PARTITIONS",
						"6", "LANYARD_STARTUP_TIMEOUT", "90", "LANYARD_SERVICES", "token-broker, audit"),
				ROOT);
		assertThat(settings.stateDirectory()).isEqualTo(Path.of("/tmp/state"));
		assertThat(settings.ports().audit()).isEqualTo(18082);
		assertThat(settings.topicPartitions()).isEqualTo(6);
		assertThat(settings.startupTimeout()).isEqualTo(Duration.ofSeconds(90));
		assertThat(settings.services()).containsExactly(LanyardService.TOKEN_BROKER, LanyardService.AUDIT);
	}

	@Test
	void fromEnvironmentWhenExternalPiecesSetThenTheyAreExternal() {
		LauncherSettings settings = LauncherSettings.fromEnvironment(Map.of("LANYARD_KAFKA_BOOTSTRAP_SERVERS",
				"k1:9092,k2:9092", "LANYARD_REGISTRY_URL", "http://registry:8080/", "LANYARD_DATABASE_URL",
				"jdbc:postgresql://db:5432", "LANYARD_OIDC_URL", "https://idp.example.com"), ROOT);
		Endpoints endpoints = new Endpoints(settings);
		assertThat(endpoints.kafkaBootstrapServers()).isEqualTo("k1:9092,k2:9092");
		assertThat(endpoints.registryUrl()).isEqualTo("http://registry:8080");
		assertThat(endpoints.jdbcUrl(LanyardService.USER_PROVISIONING))
			.isEqualTo("jdbc:postgresql://db:5432/user_provisioning");
		assertThat(endpoints.oidcIssuer()).isEqualTo("https://idp.example.com/default");
	}

	@Test
	void fromEnvironmentWhenPortNotANumberThenErrorNamesVariable() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LauncherSettings.fromEnvironment(Map.of("LANYARD_KAFKA_PORT", "ninety"), ROOT))
			.withMessageContaining("LANYARD_KAFKA_PORT");
	}

	@Test
	void fromEnvironmentWhenPortOutOfRangeThenErrorNamesVariable() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LauncherSettings.fromEnvironment(Map.of("LANYARD_OIDC_PORT", "70000"), ROOT))
			.withMessageContaining("LANYARD_OIDC_PORT");
	}

	@Test
	void fromEnvironmentWhenTwoComponentsShareAPortThenRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LauncherSettings.fromEnvironment(Map.of("LANYARD_AUDIT_PORT", "8081"), ROOT))
			.withMessageContaining("8081");
	}

	@Test
	void fromEnvironmentWhenUnknownServiceThenErrorNamesVariable() {
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> LauncherSettings.fromEnvironment(Map.of("LANYARD_SERVICES", "token-broker,billing"), ROOT))
			.withMessageContaining("LANYARD_SERVICES")
			.withMessageContaining("billing");
	}

	@Test
	void fromEnvironmentWhenDatabaseUrlNotJdbcThenRejectedWithoutEchoingIt() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LauncherSettings
				.fromEnvironment(Map.of("LANYARD_DATABASE_URL", "postgres://user:s3cret@db/x"), ROOT))
			.withMessageContaining("LANYARD_DATABASE_URL")
			.withMessageNotContaining("s3cret");
	}

	@Test
	void fromEnvironmentWhenBootstrapServersMalformedThenRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> LauncherSettings.fromEnvironment(Map.of("LANYARD_KAFKA_BOOTSTRAP_SERVERS", "kafka"), ROOT))
			.withMessageContaining("LANYARD_KAFKA_BOOTSTRAP_SERVERS");
	}

	@Test
	void fromEnvironmentWhenTimeoutMalformedThenErrorNamesVariable() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LauncherSettings.fromEnvironment(Map.of("LANYARD_STARTUP_TIMEOUT", "soon"), ROOT))
			.withMessageContaining("LANYARD_STARTUP_TIMEOUT");
	}

	@Test
	void forTestsWhenCalledThenOwnStateDirectoryAndPortsOtherThanTheDefaults() {
		LauncherSettings settings = LauncherSettings.forTests(ROOT, Path.of("/tmp/e2e"));
		assertThat(settings.stateDirectory()).isEqualTo(Path.of("/tmp/e2e"));
		assertThat(settings.ports()).isNotEqualTo(Ports.defaults());
		assertThat(settings.ports().gateway()).isNotEqualTo(8080);
	}

	@Test
	void withServiceEnvironmentWhenAddedThenKeptAlongsideOthers() {
		LauncherSettings settings = LauncherSettings.forTests(ROOT, Path.of("/tmp/e2e"))
			.withServiceEnvironment("A", "1")
			.withServiceEnvironment("B", "2")
			.withServices(List.of(LanyardService.AUDIT));
		assertThat(settings.serviceEnvironment()).containsEntry("A", "1").containsEntry("B", "2");
		assertThat(settings.services()).containsExactly(LanyardService.AUDIT);
	}

}
