package dev.lanyard.launcher.kafka;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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

	private static KafkaBrokerConfig config(String adminPassword) {
		return new KafkaBrokerConfig(19092, 19093, Path.of("/tmp/k"), Path.of("/tmp/k.log"), Path.of("/tmp/cp"),
				"cluster", "384m", false, adminPassword);
	}

}
