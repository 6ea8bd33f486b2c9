package dev.lanyard.launcher.settings;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class KafkaNodesSettingTest {

	private static final Path ROOT = Path.of("/repo");

	@Test
	void fromEnvironmentWhenNodesUnsetThenOneNodeAndOneReplica() {
		LauncherSettings settings = LauncherSettings.fromEnvironment(Map.of(), ROOT);
		assertThat(settings.kafkaNodes()).isEqualTo(1);
		assertThat(settings.topicReplicationFactor()).isEqualTo((short) 1);
		assertThat(new Endpoints(settings).kafkaBootstrapServers()).isEqualTo("127.0.0.1:9092");
	}

	@Test
	void fromEnvironmentWhenThreeNodesThenThreeReplicasAndEveryNodeInBootstrapServers() {
		LauncherSettings settings = LauncherSettings.fromEnvironment(Map.of("LANYARD_KAFKA_NODES", "3"), ROOT);
		assertThat(settings.kafkaNodes()).isEqualTo(3);
		assertThat(settings.topicReplicationFactor()).isEqualTo((short) 3);
		assertThat(new Endpoints(settings).kafkaBootstrapServers())
			.isEqualTo("127.0.0.1:9092,127.0.0.1:9094,127.0.0.1:9096");
	}

	@Test
	void fromEnvironmentWhenFiveNodesThenStillThreeReplicas() {
		LauncherSettings settings = LauncherSettings.fromEnvironment(Map.of("LANYARD_KAFKA_NODES", "5"), ROOT);
		assertThat(settings.topicReplicationFactor()).isEqualTo((short) 3);
	}

	@Test
	void fromEnvironmentWhenReplicationFactorGivenThenItWins() {
		LauncherSettings settings = LauncherSettings
			.fromEnvironment(Map.of("LANYARD_KAFKA_NODES", "3", "LANYARD_TOPIC_REPLICATION_FACTOR", "2"), ROOT);
		assertThat(settings.topicReplicationFactor()).isEqualTo((short) 2);
	}

	@Test
	void fromEnvironmentWhenReplicationFactorAboveNodesThenErrorNamesBothVariables() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LauncherSettings.fromEnvironment(Map.of("LANYARD_TOPIC_REPLICATION_FACTOR", "3"), ROOT))
			.withMessageContaining("LANYARD_TOPIC_REPLICATION_FACTOR")
			.withMessageContaining("LANYARD_KAFKA_NODES");
	}

	@Test
	void fromEnvironmentWhenExternalKafkaThenReplicationFactorNotCheckedAgainstNodes() {
		LauncherSettings settings = LauncherSettings.fromEnvironment(
				Map.of("LANYARD_KAFKA_BOOTSTRAP_SERVERS", "k1:9092", "LANYARD_TOPIC_REPLICATION_FACTOR", "3"), ROOT);
		assertThat(new Endpoints(settings).kafkaBootstrapServers()).isEqualTo("k1:9092");
	}

	@Test
	void fromEnvironmentWhenNodesZeroThenErrorNamesVariable() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LauncherSettings.fromEnvironment(Map.of("LANYARD_KAFKA_NODES", "0"), ROOT))
			.withMessageContaining("LANYARD_KAFKA_NODES");
	}

	@Test
	void fromEnvironmentWhenANodePortIsAnotherComponentsThenRejected() {
		// node 2 would listen on 8082, audit's port
		assertThatIllegalArgumentException().isThrownBy(() -> LauncherSettings.fromEnvironment(
				Map.of("LANYARD_KAFKA_NODES", "2", "LANYARD_KAFKA_PORT", "8080", "LANYARD_GATEWAY_PORT", "8070"), ROOT))
			.withMessageContaining("Kafka node 2")
			.withMessageContaining("8082");
	}

	@Test
	void kafkaWhenNodeGivenThenEverySecondPortUp() {
		Ports ports = Ports.defaults();
		assertThat(ports.kafka(1)).isEqualTo(9092);
		assertThat(ports.kafka(3)).isEqualTo(9096);
		assertThat(ports.kafkaController(2)).isEqualTo(9095);
	}

	@Test
	void kafkaWhenNodeBelowOneThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> Ports.defaults().kafka(0)).withMessageContaining("node");
	}

	@Test
	void withKafkaNodesWhenThreeThenThreeReplicas() {
		LauncherSettings settings = LauncherSettings.fromEnvironment(Map.of(), ROOT).withKafkaNodes(3);
		assertThat(settings.kafkaNodes()).isEqualTo(3);
		assertThat(settings.topicReplicationFactor()).isEqualTo((short) 3);
	}

}
