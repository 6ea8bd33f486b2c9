package dev.lanyard.launcher.settings;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lanyard.launcher.kafka.KafkaCredentials;

import static org.assertj.core.api.Assertions.assertThat;

class EndpointsKafkaTest {

	@TempDir
	Path folder;

	@Test
	void kafkaClientPropertiesWhenLocalBrokerThenAdministratorsSaslSettings() {
		LauncherSettings settings = LauncherSettings
			.fromEnvironment(Map.of("LANYARD_STATE_DIR", this.folder.toString()), Path.of("/repo"));
		KafkaCredentials credentials = KafkaCredentials.loadOrCreate(new StateDirectory(this.folder));
		Map<String, Object> properties = new Endpoints(settings).kafkaClientProperties();
		assertThat(properties).containsEntry("bootstrap.servers", "127.0.0.1:9092")
			.containsEntry("security.protocol", "SASL_PLAINTEXT")
			.containsEntry("sasl.mechanism", "PLAIN");
		assertThat((String) properties.get("sasl.jaas.config")).contains("username=\"lanyard-admin\"")
			.contains(credentials.adminPassword());
	}

	@Test
	void kafkaClientPropertiesWhenExternalClusterThenBootstrapServersOnly() {
		LauncherSettings settings = LauncherSettings.fromEnvironment(
				Map.of("LANYARD_STATE_DIR", this.folder.toString(), "LANYARD_KAFKA_BOOTSTRAP_SERVERS", "k1:9092"),
				Path.of("/repo"));
		assertThat(new Endpoints(settings).kafkaClientProperties())
			.containsExactly(Map.entry("bootstrap.servers", "k1:9092"));
	}

}
