package dev.lanyard.integrations;

import dev.lanyard.testing.settings.ServiceDefaultsContract;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicationSettingsTest extends ServiceDefaultsContract {

	ApplicationSettingsTest() {
		super(8083, "integration_registry");
	}

	@Test
	void defaultsWhenNothingOverriddenThenTrustsTokenBrokerAndRefusesPrivateEndpoints() {
		assertThat(settings().getProperty("lanyard.integrations.issuer")).hasToString("http://127.0.0.1:8080");
		assertThat(settings().getProperty("lanyard.integrations.jwk-set-uri"))
			.hasToString("http://127.0.0.1:8081/oauth2/jwks");
		assertThat(settings().getProperty("lanyard.integrations.allow-private-endpoints")).hasToString("false");
		assertThat(settings().getProperty("lanyard.integrations.publish-ack-timeout")).hasToString("PT5S");
	}

	@Test
	void defaultsWhenNothingOverriddenThenNoKeyEncryptionKeyShipped() {
		assertThat(settings().getProperty("lanyard.integrations.key-encryption.keys")).isNull();
		assertThat(settings().getProperty("lanyard.integrations.key-encryption.key-file")).isNull();
	}

}
