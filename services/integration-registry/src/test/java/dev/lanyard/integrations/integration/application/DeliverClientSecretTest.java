package dev.lanyard.integrations.integration.application;

import java.util.Map;
import java.util.UUID;

import dev.lanyard.integrations.secrets.application.SecretCipher;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DeliverClientSecretTest {

	private final SecretCipher cipher = new SecretCipher("kek-1", Map.of("kek-1", new byte[32]));

	private final InMemoryIntegrationStore store = new InMemoryIntegrationStore();

	@Test
	void deliverWhenSecretStoredThenOpenedWithItsVersion() {
		UUID id = UUID.randomUUID();
		this.store.secrets.put(id, new IntegrationStore.StoredClientSecret(3, this.cipher.seal(id, "s3cret")));
		DeliverClientSecret.DeliveredSecret delivered = new DeliverClientSecret(this.store, this.cipher).deliver(id,
				"token-broker");
		assertThat(delivered.secretVersion()).isEqualTo(3);
		assertThat(delivered.clientSecret().value()).isEqualTo("s3cret");
		assertThat(delivered.toString()).doesNotContain("s3cret");
	}

	@Test
	void deliverWhenNoSecretThenNotFound() {
		assertThatExceptionOfType(IntegrationNotFoundException.class)
			.isThrownBy(() -> new DeliverClientSecret(this.store, this.cipher).deliver(UUID.randomUUID(), "tb"));
	}

}
