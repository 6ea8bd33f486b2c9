package dev.lanyard.tokenbroker.keys.application;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class KeyMaterialCipherTest {

	private static final byte[] KEK = new byte[32];

	static {
		Arrays.fill(KEK, (byte) 7);
	}

	@Test
	void sealWhenKeyConfiguredThenEncryptedAndOpens() {
		KeyMaterialCipher cipher = KeyMaterialCipher.aes256Gcm(KEK);
		byte[] sealed = cipher.seal("kid-1", "{\"d\":\"private\"}");
		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("private");
		assertThat(cipher.encryption()).isEqualTo("A256GCM");
		assertThat(cipher.open("kid-1", "A256GCM", sealed)).isEqualTo("{\"d\":\"private\"}");
	}

	@Test
	void openWhenOtherKidThenFails() {
		KeyMaterialCipher cipher = KeyMaterialCipher.aes256Gcm(KEK);
		byte[] sealed = cipher.seal("kid-1", "material");
		assertThatIllegalStateException().isThrownBy(() -> cipher.open("kid-2", "A256GCM", sealed))
			.withMessageContaining("lanyard.token-broker.key-encryption.key");
	}

	@Test
	void openWhenWrongKeyThenFailsNamingTheSetting() {
		byte[] sealed = KeyMaterialCipher.aes256Gcm(KEK).seal("kid-1", "material");
		assertThatIllegalStateException()
			.isThrownBy(() -> KeyMaterialCipher.aes256Gcm(new byte[32]).open("kid-1", "A256GCM", sealed))
			.withMessageContaining("wrong lanyard.token-broker.key-encryption.key");
	}

	@Test
	void openWhenEncryptedButNoKeyThenFailsNamingTheSetting() {
		byte[] sealed = KeyMaterialCipher.aes256Gcm(KEK).seal("kid-1", "material");
		assertThatIllegalStateException().isThrownBy(() -> KeyMaterialCipher.none().open("kid-1", "A256GCM", sealed))
			.withMessage("kid-1 is encrypted, but lanyard.token-broker.key-encryption.key is not set");
	}

	@Test
	void openWhenKeyConfiguredAndRowUnencryptedThenRefused() {
		byte[] plain = "material".getBytes(StandardCharsets.UTF_8);
		assertThatExceptionOfType(UnencryptedMaterialException.class)
			.isThrownBy(() -> KeyMaterialCipher.aes256Gcm(KEK).open("kid-1", "none", plain))
			.withMessageContaining("kid-1")
			.withMessageContaining("lanyard.token-broker.key-encryption.allow-plaintext");
	}

	@Test
	void openWhenKeyConfiguredAndPlaintextAllowedThenReadsUnencryptedRow() {
		KeyMaterialCipher cipher = KeyMaterialCipher.aes256Gcm(KEK).acceptingPlaintext();
		assertThat(cipher.open("kid-1", "none", "material".getBytes(StandardCharsets.UTF_8))).isEqualTo("material");
		assertThat(cipher.encryption()).isEqualTo("A256GCM");
	}

	@Test
	void sealWhenNoKeyThenPlain() {
		KeyMaterialCipher cipher = KeyMaterialCipher.none();
		assertThat(cipher.encryption()).isEqualTo("none");
		assertThat(cipher.open("k", "none", cipher.seal("k", "material"))).isEqualTo("material");
	}

	@Test
	void aes256GcmWhenKeyNotThirtyTwoBytesThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> KeyMaterialCipher.aes256Gcm(new byte[16]))
			.withMessage("key must be 32 bytes");
	}

}
