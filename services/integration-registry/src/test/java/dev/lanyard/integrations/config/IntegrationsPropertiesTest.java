package dev.lanyard.integrations.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IntegrationsPropertiesTest {

	private static final URI ISSUER = URI.create("http://127.0.0.1:8080");

	private static final URI JWKS = URI.create("http://127.0.0.1:8081/oauth2/jwks");

	private static final IntegrationsProperties.KeyEncryption KEK = new IntegrationsProperties.KeyEncryption(
			List.of("k:AAAA"), null, null, false, true);

	@Test
	void constructorWhenDefaultsThenAccepted() {
		IntegrationsProperties properties = new IntegrationsProperties(ISSUER, JWKS, false, Duration.ofSeconds(5),
				Duration.ofSeconds(5), KEK);
		assertThat(properties.allowPrivateEndpoints()).isFalse();
	}

	@Test
	void constructorWhenIssuerNotHttpThenFailsNamingKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new IntegrationsProperties(URI.create("ftp://x"), JWKS, false, Duration.ofSeconds(5),
					Duration.ofSeconds(5), KEK))
			.withMessageStartingWith("lanyard.integrations.issuer must be an absolute http or https URL");
	}

	@Test
	void constructorWhenJwkSetUriMissingThenFailsNamingKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new IntegrationsProperties(ISSUER, null, false, Duration.ofSeconds(5),
					Duration.ofSeconds(5), KEK))
			.withMessage("lanyard.integrations.jwk-set-uri must be set");
	}

	@Test
	void constructorWhenAckTimeoutTooShortThenFailsNamingKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new IntegrationsProperties(ISSUER, JWKS, false, Duration.ofMillis(10),
					Duration.ofSeconds(5), KEK))
			.withMessageStartingWith("lanyard.integrations.publish-ack-timeout must be between");
	}

	@Test
	void constructorWhenConnectionTestTimeoutTooLongThenFailsNamingKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new IntegrationsProperties(ISSUER, JWKS, false, Duration.ofSeconds(5),
					Duration.ofMinutes(5), KEK))
			.withMessageStartingWith("lanyard.integrations.connection-test-timeout must be between");
	}

	@Test
	void keyEncryptionWhenGenerateWithoutFileThenFailsNamingBothKeys() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new IntegrationsProperties.KeyEncryption(List.of(), null, null, true, true))
			.withMessageContaining("generate-key-file needs lanyard.integrations.key-encryption.key-file");
	}

	@Test
	void keyEncryptionWhenPrintedThenKeysRedacted() {
		assertThat(KEK.toString()).doesNotContain("AAAA").contains("<1 redacted>");
	}

}
