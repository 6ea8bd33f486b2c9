package dev.lanyard.tokenbroker.clients;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClientsPropertiesTest {

	@Test
	void bootstrapAdminPropertiesWhenOnlyIdThenNamesBothKeys() {
		assertThatIllegalArgumentException().isThrownBy(() -> new BootstrapAdminProperties("admin", null))
			.withMessageContaining("lanyard.token-broker.bootstrap-admin-client-id")
			.withMessageContaining("lanyard.token-broker.bootstrap-admin-client-secret");
	}

	@Test
	void bootstrapAdminPropertiesWhenToStringThenSecretRedacted() {
		assertThat(new BootstrapAdminProperties("admin", "s3cr3t-value-s3cr3t-value-s3cr3t-value").toString())
			.doesNotContain("s3cr3t-value");
	}

	@Test
	void bootstrapAdminPropertiesWhenNeitherThenDisabled() {
		assertThat(new BootstrapAdminProperties(null, null).enabled()).isFalse();
	}

	@Test
	void clientCachePropertiesWhenSizeZeroThenNamesKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientCacheProperties(Duration.ofSeconds(1), 0))
			.withMessageStartingWith("lanyard.token-broker.client-cache.maximum-size must be");
	}

	@Test
	void bootstrapAdminWhenSecretShortThenRefusedNamingTheKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> new BootstrapAdminProperties("admin", "password123"))
			.withMessageContaining("lanyard.token-broker.bootstrap-admin-client-secret must be at least 32");
	}

}
