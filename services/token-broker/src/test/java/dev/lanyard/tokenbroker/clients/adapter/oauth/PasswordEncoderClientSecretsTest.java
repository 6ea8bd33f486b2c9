package dev.lanyard.tokenbroker.clients.adapter.oauth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PasswordEncoderClientSecretsTest {

	private final PasswordEncoderClientSecrets secrets = new PasswordEncoderClientSecrets(
			Sha256SecretEncoder.delegating());

	@Test
	void encodeWhenSecretThenStoredFormThatMatchesOnlyIt() {
		String encoded = this.secrets.encode("a-secret");
		assertThat(encoded).startsWith("{sha256}").doesNotContain("a-secret");
		assertThat(this.secrets.matches("a-secret", encoded)).isTrue();
		assertThat(this.secrets.matches("another", encoded)).isFalse();
	}

	@Test
	void constructorWhenPasswordEncoderNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PasswordEncoderClientSecrets(null))
			.withMessage("passwordEncoder cannot be null");
	}

}
