package dev.lanyard.integrations.secrets.application;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SecretCipherTest {

	static final byte[] OLD_KEK = key(1);

	static final byte[] NEW_KEK = key(2);

	private static final UUID INTEGRATION = UUID.randomUUID();

	private final SecretCipher old = new SecretCipher("kek-1", Map.of("kek-1", OLD_KEK));

	@Test
	void sealWhenOpenedThenSameSecretAndCiphertextHidesIt() {
		SealedSecret sealed = this.old.seal(INTEGRATION, "very-secret-value");
		assertThat(sealed.keyId()).isEqualTo("kek-1");
		assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("very-secret-value");
		assertThat(this.old.open(INTEGRATION, sealed)).isEqualTo("very-secret-value");
	}

	@Test
	void sealWhenSameSecretTwiceThenDifferentCiphertexts() {
		assertThat(this.old.seal(INTEGRATION, "s").ciphertext())
			.isNotEqualTo(this.old.seal(INTEGRATION, "s").ciphertext());
	}

	@Test
	void openWhenCiphertextAlteredThenUnreadable() {
		byte[] tampered = this.old.seal(INTEGRATION, "secret").ciphertext();
		tampered[tampered.length - 1] ^= 1;
		assertThatExceptionOfType(SecretUnreadableException.class)
			.isThrownBy(() -> this.old.open(INTEGRATION, new SealedSecret("kek-1", tampered)))
			.withMessageContaining("the key is wrong or the stored secret was altered");
	}

	@Test
	void openWhenCopiedToAnotherIntegrationThenUnreadable() {
		SealedSecret sealed = this.old.seal(INTEGRATION, "secret");
		assertThatExceptionOfType(SecretUnreadableException.class)
			.isThrownBy(() -> this.old.open(UUID.randomUUID(), sealed));
	}

	@Test
	void openWhenKeyIdRelabelledThenUnreadable() {
		SecretCipher both = new SecretCipher("kek-2", Map.of("kek-1", OLD_KEK, "kek-2", OLD_KEK));
		SealedSecret sealed = both.seal(INTEGRATION, "secret");
		assertThatExceptionOfType(SecretUnreadableException.class)
			.isThrownBy(() -> both.open(INTEGRATION, new SealedSecret("kek-1", sealed.ciphertext())));
	}

	@Test
	void openWhenKeyNotConfiguredThenUnreadableNamingKeyId() {
		SealedSecret sealed = this.old.seal(INTEGRATION, "secret");
		SecretCipher other = new SecretCipher("kek-2", Map.of("kek-2", NEW_KEK));
		assertThatExceptionOfType(SecretUnreadableException.class).isThrownBy(() -> other.open(INTEGRATION, sealed))
			.withMessageContaining("key-encryption key kek-1, which is not configured");
	}

	@Test
	void openWhenTruncatedThenUnreadable() {
		assertThatExceptionOfType(SecretUnreadableException.class)
			.isThrownBy(() -> this.old.open(INTEGRATION, new SealedSecret("kek-1", new byte[5])));
	}

	@Test
	void sealWhenActiveKeyRotatedThenOldSecretsStillOpenAndNeedRewrap() {
		SealedSecret before = this.old.seal(INTEGRATION, "secret");
		SecretCipher rotated = new SecretCipher("kek-2", Map.of("kek-1", OLD_KEK, "kek-2", NEW_KEK));
		assertThat(rotated.open(INTEGRATION, before)).isEqualTo("secret");
		assertThat(rotated.needsRewrap(before)).isTrue();
		SealedSecret after = rotated.seal(INTEGRATION, "secret");
		assertThat(after.keyId()).isEqualTo("kek-2");
		assertThat(rotated.needsRewrap(after)).isFalse();
		assertThat(new SecretCipher("kek-2", Map.of("kek-2", NEW_KEK)).open(INTEGRATION, after)).isEqualTo("secret");
	}

	@Test
	void constructorWhenActiveKeyUnknownThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SecretCipher("kek-9", Map.of("kek-1", OLD_KEK)))
			.withMessageContaining("activeKeyId must be one of the keys");
	}

	@Test
	void constructorWhenKeyNotThirtyTwoBytesThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SecretCipher("k", Map.of("k", new byte[16])))
			.withMessage("key k must be 32 bytes");
	}

	@Test
	void constructorWhenKeyIdMalformedThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SecretCipher("a b", Map.of("a b", OLD_KEK)))
			.withMessageContaining("key id must be");
	}

	@Test
	void constructorWhenNoKeysThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SecretCipher("k", Map.of()))
			.withMessage("keys cannot be empty");
	}

	@Test
	void sealedSecretWhenPrintedThenNoBytes() {
		assertThat(new SealedSecret("kek-1", new byte[] { 1, 2, 3 })).hasToString("SealedSecret[keyId=kek-1, 3 bytes]");
	}

	static byte[] key(int fill) {
		byte[] key = new byte[32];
		Arrays.fill(key, (byte) fill);
		return key;
	}

}
