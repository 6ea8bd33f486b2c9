package dev.lanyard.integrations.secrets.adapter.file;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import dev.lanyard.integrations.secrets.application.SecretCipher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class KeyEncryptionKeysTest {

	private static final String K1 = Base64.getEncoder().encodeToString(new byte[32]);

	private static final String K2 = Base64.getUrlEncoder().encodeToString(filled(9));

	@TempDir
	Path folder;

	@Test
	void cipherWhenOneConfiguredKeyThenItIsActive() {
		SecretCipher cipher = KeyEncryptionKeys.cipher(List.of("kek-1:" + K1), null, null, false);
		assertThat(cipher.activeKeyId()).isEqualTo("kek-1");
	}

	@Test
	void cipherWhenKeysFromSettingAndFileThenBothKnownAndActiveChosen() throws Exception {
		Path file = this.folder.resolve("keks.properties");
		Files.writeString(file, "# keys\nkek-2=" + K2 + "\n");
		SecretCipher cipher = KeyEncryptionKeys.cipher(List.of("kek-1:" + K1), file.toString(), "kek-2", false);
		assertThat(cipher.keyIds()).containsExactlyInAnyOrder("kek-1", "kek-2");
		assertThat(cipher.activeKeyId()).isEqualTo("kek-2");
	}

	@Test
	void cipherWhenNoKeyAtAllThenFailsNamingBothSettings() {
		assertThatIllegalStateException().isThrownBy(() -> KeyEncryptionKeys.cipher(List.of(), null, null, false))
			.withMessageContaining("lanyard.integrations.key-encryption.keys")
			.withMessageContaining("lanyard.integrations.key-encryption.key-file");
	}

	@Test
	void cipherWhenSeveralKeysWithoutActiveThenFailsNamingActiveKeyId() {
		assertThatIllegalStateException()
			.isThrownBy(() -> KeyEncryptionKeys.cipher(List.of("a:" + K1, "b:" + K2), null, null, false))
			.withMessageContaining("lanyard.integrations.key-encryption.active-key-id");
	}

	@Test
	void cipherWhenActiveUnknownThenFails() {
		assertThatIllegalStateException()
			.isThrownBy(() -> KeyEncryptionKeys.cipher(List.of("a:" + K1), null, "b", false))
			.withMessageContaining("names b, which is not among the keys");
	}

	@Test
	void cipherWhenKeyNotThirtyTwoBytesThenFailsWithoutShowingIt() {
		String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
		assertThatIllegalStateException()
			.isThrownBy(() -> KeyEncryptionKeys.cipher(List.of("a:" + shortKey), null, null, false))
			.withMessage("lanyard.integrations.key-encryption.keys: key a must be 32 bytes encoded in base64")
			.withMessageNotContaining(shortKey);
	}

	@Test
	void cipherWhenEntryHasNoIdThenFails() {
		assertThatIllegalStateException().isThrownBy(() -> KeyEncryptionKeys.cipher(List.of(K1), null, null, false))
			.withMessageContaining("<id>:<base64 of 32 bytes>");
	}

	@Test
	void cipherWhenFileMissingThenFailsNamingKeyFile() {
		assertThatIllegalStateException()
			.isThrownBy(() -> KeyEncryptionKeys.cipher(List.of(), this.folder.resolve("none").toString(), null, false))
			.withMessageContaining("lanyard.integrations.key-encryption.key-file cannot be read");
	}

	@Test
	void cipherWhenGenerateAndFileMissingThenCreatedAndStable() throws Exception {
		Path file = this.folder.resolve("dev/keks.properties");
		SecretCipher first = KeyEncryptionKeys.cipher(List.of(), file.toString(), null, true);
		assertThat(file).exists();
		SecretCipher second = KeyEncryptionKeys.cipher(List.of(), file.toString(), null, true);
		UUID id = UUID.randomUUID();
		assertThat(second.open(id, first.seal(id, "secret"))).isEqualTo("secret");
	}

	private static byte[] filled(int value) {
		byte[] bytes = new byte[32];
		java.util.Arrays.fill(bytes, (byte) value);
		return bytes;
	}

}
