package dev.lanyard.integrations;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicationSettingsTest {

	private final PropertySource<?> settings = load();

	@Test
	void defaultsWhenNothingOverriddenThenListensOnLoopbackAtItsPort() {
		assertThat(this.settings.getProperty("server.address")).hasToString("127.0.0.1");
		assertThat(this.settings.getProperty("server.port")).hasToString("8083");
	}

	@Test
	void defaultsWhenNothingOverriddenThenUsesItsOwnDatabase() {
		assertThat(this.settings.getProperty("spring.datasource.url")).asString().endsWith("/integration_registry");
	}

	@Test
	void defaultsWhenNothingOverriddenThenHealthShowsComponentsButNoDetails() {
		assertThat(this.settings.getProperty("management.endpoint.health.show-components")).hasToString("always");
		assertThat(this.settings.getProperty("management.endpoint.health.show-details")).isNull();
		assertThat(this.settings.getProperty("management.endpoints.web.exposure.include")).hasToString("health");
	}

	@Test
	void defaultsWhenNothingOverriddenThenTrustsTokenBrokerAndRefusesPrivateEndpoints() {
		assertThat(this.settings.getProperty("lanyard.integrations.issuer")).hasToString("http://127.0.0.1:8080");
		assertThat(this.settings.getProperty("lanyard.integrations.jwk-set-uri"))
			.hasToString("http://127.0.0.1:8081/oauth2/jwks");
		assertThat(this.settings.getProperty("lanyard.integrations.allow-private-endpoints")).hasToString("false");
		assertThat(this.settings.getProperty("lanyard.integrations.publish-ack-timeout")).hasToString("PT5S");
	}

	@Test
	void defaultsWhenNothingOverriddenThenNoKeyEncryptionKeyShipped() {
		assertThat(this.settings.getProperty("lanyard.integrations.key-encryption.keys")).isNull();
		assertThat(this.settings.getProperty("lanyard.integrations.key-encryption.key-file")).isNull();
	}

	private static PropertySource<?> load() {
		try {
			List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("application",
					new ClassPathResource("application.yml"));
			return sources.getFirst();
		}
		catch (IOException ex) {
			throw new IllegalStateException("application.yml cannot be read", ex);
		}
	}

}
