package dev.lanyard.tokenbroker.clients.adapter.oauth;

import org.junit.jupiter.api.Test;

import dev.lanyard.tokenbroker.clients.domain.ClientSecret;

import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class Sha256SecretEncoderTest {

	private final PasswordEncoder encoder = Sha256SecretEncoder.delegating();

	@Test
	void encodeWhenSecretThenSha256HexWithId() {
		assertThat(this.encoder.encode("abc"))
			.isEqualTo("{sha256}ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

	@Test
	void encodeWhenSecretThenHashDoesNotContainSecret() {
		String secret = ClientSecret.generate().value();
		assertThat(this.encoder.encode(secret)).doesNotContain(secret);
	}

	@Test
	void matchesWhenSameSecretThenTrue() {
		String secret = ClientSecret.generate().value();
		assertThat(this.encoder.matches(secret, this.encoder.encode(secret))).isTrue();
	}

	@Test
	void matchesWhenOtherSecretThenFalse() {
		String hash = this.encoder.encode(ClientSecret.generate().value());
		assertThat(this.encoder.matches(ClientSecret.generate().value(), hash)).isFalse();
	}

	@Test
	void matchesWhenHashMalformedThenFalse() {
		Sha256SecretEncoder raw = new Sha256SecretEncoder();
		assertThat(raw.matches("abc", "zz".repeat(32))).isFalse();
		assertThat(raw.matches("abc", "abcd")).isFalse();
		assertThat(raw.matches("abc", null)).isFalse();
	}

	@Test
	void matchesWhenOtherEncodingIdThenFalse() {
		assertThat(this.encoder.matches("abc", "{noop}abc")).isFalse();
	}

	@Test
	void upgradeEncodingWhenSha256ThenFalse() {
		assertThat(this.encoder.upgradeEncoding(this.encoder.encode("abc"))).isFalse();
	}

	@Test
	void encodeWhenNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Sha256SecretEncoder().encode(null))
			.withMessage("rawPassword cannot be null");
	}

}
