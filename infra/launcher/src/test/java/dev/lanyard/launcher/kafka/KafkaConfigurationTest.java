package dev.lanyard.launcher.kafka;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class KafkaConfigurationTest {

	private static final String PASSWORD = "a".repeat(43);

	@Test
	void serverPropertiesWhenSecuredThenNoPlaintextListenerAndAclsDenyByDefault() {
		String properties = KafkaConfiguration.serverProperties(config(PASSWORD));
		assertThat(properties)
			.contains("listener.security.protocol.map=CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT")
			.contains("authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer")
			.contains("allow.everyone.if.no.acl.found=false")
			.contains("super.users=User:lanyard-admin")
			.doesNotContain("PLAINTEXT://");
	}

	@Test
	void serverPropertiesWhenNoAdminPasswordThenPlaintextWithoutAuthorizer() {
		String properties = KafkaConfiguration.serverProperties(config(null));
		assertThat(properties).contains("listeners=PLAINTEXT://127.0.0.1:19092").doesNotContain("authorizer");
	}

	@Test
	void toStringWhenSecuredThenNoPassword() {
		assertThat(config(PASSWORD).toString()).doesNotContain(PASSWORD).contains("secured=true");
	}

	@Test
	void serverPropertiesWhenAloneThenStandaloneQuorumAndOneReplica() {
		String properties = KafkaConfiguration.serverProperties(config(PASSWORD));
		assertThat(properties).contains("node.id=1")
			.contains("controller.quorum.bootstrap.servers=127.0.0.1:19093")
			.contains("offsets.topic.replication.factor=1")
			.contains("min.insync.replicas=1")
			.doesNotContain("controller.quorum.voters")
			.doesNotContain("broker.session.timeout.ms");
	}

	@Test
	void serverPropertiesWhenSecondOfThreeThenStaticQuorumOfAllAndTwoInSyncReplicas() {
		String properties = KafkaConfiguration.serverProperties(node(2));
		assertThat(properties).contains("node.id=2")
			.contains("controller.quorum.voters=1@127.0.0.1:19093,2@127.0.0.1:19095,3@127.0.0.1:19097")
			.doesNotContain("controller.quorum.bootstrap.servers")
			.contains("listeners=CLIENT://127.0.0.1:19094,CONTROLLER://127.0.0.1:19095")
			.contains("advertised.listeners=CLIENT://127.0.0.1:19094")
			.contains("offsets.topic.replication.factor=3")
			.contains("transaction.state.log.replication.factor=3")
			.contains("transaction.state.log.min.isr=2")
			.contains("default.replication.factor=3")
			.contains("min.insync.replicas=2")
			.contains("broker.session.timeout.ms=6000")
			.contains("log.dirs=/tmp/k2/data")
			.contains("super.users=User:lanyard-admin");
	}

	@Test
	void configWhenNodeIdNotInQuorumThenRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new KafkaBrokerConfig(19092, 19093, Path.of("/tmp/k"), Path.of("/tmp/k.log"),
					Path.of("/tmp/cp"), "cluster", "256m", false, PASSWORD, 4, List.of(19093, 19095, 19097)))
			.withMessageContaining("nodeId");
	}

	@Test
	void configWhenControllerPortNotThisNodesInQuorumThenRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new KafkaBrokerConfig(19092, 19093, Path.of("/tmp/k"), Path.of("/tmp/k.log"),
					Path.of("/tmp/cp"), "cluster", "256m", false, PASSWORD, 2, List.of(19093, 19095, 19097)))
			.withMessageContaining("controllerPort");
	}

	@Test
	void nameWhenNodeOfClusterThenNumbered() {
		assertThat(new KafkaBroker(node(3)).name()).isEqualTo("kafka-3");
		assertThat(new KafkaBroker(config(null)).name()).isEqualTo("kafka");
		assertThat(KafkaBroker.isNode("kafka-3")).isTrue();
		assertThat(KafkaBroker.isNode("kafka-format")).isFalse();
	}

	private static KafkaBrokerConfig node(int id) {
		int offset = 2 * (id - 1);
		return new KafkaBrokerConfig(19092 + offset, 19093 + offset, Path.of("/tmp/k" + id), Path.of("/tmp/k.log"),
				Path.of("/tmp/cp"), "cluster", "256m", false, PASSWORD, id, List.of(19093, 19095, 19097));
	}

	private static KafkaBrokerConfig config(String adminPassword) {
		return new KafkaBrokerConfig(19092, 19093, Path.of("/tmp/k"), Path.of("/tmp/k.log"), Path.of("/tmp/cp"),
				"cluster", "384m", false, adminPassword);
	}

}
