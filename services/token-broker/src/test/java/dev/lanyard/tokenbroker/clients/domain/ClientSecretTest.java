package dev.lanyard.tokenbroker.clients.domain;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClientSecretTest {

	@Test
	void generateWhenCalledThenThirtyTwoRandomBytesUrlSafe() {
		ClientSecret secret = ClientSecret.generate();
		assertThat(secret.value()).hasSize(43).matches("[A-Za-z0-9_-]+");
		assertThat(Base64.getUrlDecoder().decode(secret.value())).hasSize(32);
	}

	@Test
	void generateWhenCalledRepeatedlyThenNeverRepeats() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			assertThat(seen.add(ClientSecret.generate().value())).isTrue();
		}
	}

	@Test
	void toStringWhenCalledThenRedactsValue() {
		ClientSecret secret = ClientSecret.generate();
		assertThat(secret.toString()).doesNotContain(secret.value()).contains("redacted");
	}

	@Test
	void constructorWhenEmptyThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientSecret(""))
			.withMessage("value cannot be empty");
	}

}
