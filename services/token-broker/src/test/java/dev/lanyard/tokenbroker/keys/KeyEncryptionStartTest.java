package dev.lanyard.tokenbroker.keys;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The service does not start without a key-encryption key unless told to. */
class KeyEncryptionStartTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(Settings.class);

	@Test
	void startWhenNoKeyThenFailsNamingTheSetting() {
		this.context.run((started) -> {
			assertThat(started).hasFailed();
			assertThat(started.getStartupFailure()).rootCause()
				.hasMessageStartingWith("lanyard.token-broker.key-encryption.key is not set");
		});
	}

	@Test
	void startWhenNoKeyButPlaintextAllowedThenStarts() {
		this.context.withPropertyValues("lanyard.token-broker.key-encryption.allow-plaintext=true")
			.run((started) -> assertThat(started.getBean(KeyEncryptionProperties.class).keyBytes()).isNull());
	}

	@Test
	void startWhenKeyInEnvironmentFormThenBinds() {
		// the variable the launcher and docker-compose set
		Map<String, Object> environment = Map.of("LANYARD_TOKEN_BROKER_KEY_ENCRYPTION_KEY", "A".repeat(43) + "=");
		this.context
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource(
						StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)))
			.run((started) -> assertThat(started.getBean(KeyEncryptionProperties.class).keyBytes()).hasSize(32));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(KeyEncryptionProperties.class)
	static class Settings {

	}

}
