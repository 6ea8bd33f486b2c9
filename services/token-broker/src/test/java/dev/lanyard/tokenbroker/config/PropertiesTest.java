package dev.lanyard.tokenbroker.config;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.lanyard.tokenbroker.keys.domain.SigningAlgorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PropertiesTest {

	@Test
	void tokenPropertiesWhenIssuerHasQueryThenNamesKey() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> new TokenProperties(URI.create("http://gw/?a=b"), SigningAlgorithm.ES256, Duration.ofMinutes(15)))
			.withMessageStartingWith("lanyard.token-broker.issuer must be");
	}

	@Test
	void tokenPropertiesWhenIssuerRelativeThenNamesKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TokenProperties(URI.create("/gw"), SigningAlgorithm.ES256, Duration.ofMinutes(15)))
			.withMessageStartingWith("lanyard.token-broker.issuer must be");
	}

	@Test
	void tokenPropertiesWhenTimeToLiveZeroThenNamesKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TokenProperties(URI.create("http://gw"), SigningAlgorithm.ES256, Duration.ZERO))
			.withMessageStartingWith("lanyard.token-broker.content-session-token-time-to-live must be");
	}

	@Test
	void tokenPropertiesWhenAlgorithmNullThenNamesKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TokenProperties(URI.create("http://gw"), null, Duration.ofMinutes(1)))
			.withMessageStartingWith("lanyard.token-broker.signing-algorithm must be");
	}

	@Test
	void issuerUrlWhenTrailingSlashThenStripped() {
		assertThat(new TokenProperties(URI.create("http://127.0.0.1:8080/"), SigningAlgorithm.ES256,
				Duration.ofMinutes(15))
			.issuerUrl()).isEqualTo("http://127.0.0.1:8080");
	}

	@Test
	void auditPropertiesWhenTimeoutTooShortThenNamesKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AuditProperties(Duration.ofMillis(10)))
			.withMessageStartingWith("lanyard.token-broker.audit-ack-timeout must be");
	}

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
	void keyEncryptionPropertiesWhenNotThirtyTwoBytesThenNamesKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> new KeyEncryptionProperties("c2hvcnQ=", false))
			.withMessage("lanyard.token-broker.key-encryption.key must be 32 bytes encoded in base64");
	}

	@Test
	void keyEncryptionPropertiesWhenThirtyTwoBytesThenDecodes() {
		String key = java.util.Base64.getEncoder().encodeToString(new byte[32]);
		assertThat(new KeyEncryptionProperties(key, false).keyBytes()).hasSize(32);
		assertThat(new KeyEncryptionProperties(key, false).toString()).doesNotContain(key);
	}

	@Test
	void keyEncryptionPropertiesWhenNoKeyThenRefusedNamingKeyAndSwitch() {
		assertThatIllegalArgumentException().isThrownBy(() -> new KeyEncryptionProperties(null, false))
			.withMessageStartingWith("lanyard.token-broker.key-encryption.key is not set")
			.withMessageContaining("lanyard.token-broker.key-encryption.allow-plaintext=true");
		assertThatIllegalArgumentException().isThrownBy(() -> new KeyEncryptionProperties(" ", false))
			.withMessageStartingWith("lanyard.token-broker.key-encryption.key is not set");
	}

	@Test
	void keyEncryptionPropertiesWhenNoKeyAndPlaintextAllowedThenNoKey() {
		assertThat(new KeyEncryptionProperties(null, true).keyBytes()).isNull();
	}

	@Test
	void userSessionPropertiesWhenTimeToLiveZeroThenNamesKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new UserSessionProperties(Duration.ZERO, Duration.ofSeconds(3), Duration.ofHours(12)))
			.withMessageStartingWith("lanyard.token-broker.user-session-token-time-to-live must be");
	}

	@Test
	void userSessionPropertiesWhenWaitTooLongThenNamesKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> new UserSessionProperties(Duration.ofHours(1), Duration.ofMinutes(5), Duration.ofHours(12)))
			.withMessageStartingWith("lanyard.token-broker.user-wait-timeout must be");
	}

	@Test
	void integrationCachePropertiesWhenSizeZeroThenNamesKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> new IntegrationCacheProperties(Duration.ofSeconds(5), 0))
			.withMessageStartingWith("lanyard.token-broker.integration-cache.maximum-size must be");
	}

	@Test
	void tokenExchangePropertiesWhenRegistryUrlNotHttpThenNamesKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> exchange(URI.create("ftp://registry"), Duration.ofSeconds(2), 3))
			.withMessageStartingWith("lanyard.token-broker.integration-registry-url must be");
	}

	@Test
	void tokenExchangePropertiesWhenTimeoutTooLongThenNamesKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> exchange(URI.create("http://registry"), Duration.ofMinutes(5), 3))
			.withMessageStartingWith("lanyard.token-broker.external-timeout must be");
	}

	@Test
	void tokenExchangePropertiesWhenNoAttemptThenNamesKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> exchange(URI.create("http://registry"), Duration.ofSeconds(2), 0))
			.withMessageStartingWith("lanyard.token-broker.external-retry-attempts must be");
	}

	private static TokenExchangeProperties exchange(URI registry, Duration timeout, int attempts) {
		return new TokenExchangeProperties(registry, timeout, attempts, Duration.ofMillis(100), 50, 10,
				Duration.ofSeconds(30), 25, Duration.ofSeconds(30), 10000, false);
	}

	@Test
	void bootstrapAdminWhenSecretShortThenRefusedNamingTheKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> new BootstrapAdminProperties("admin", "password123"))
			.withMessageContaining("lanyard.token-broker.bootstrap-admin-client-secret must be at least 32");
	}

}
