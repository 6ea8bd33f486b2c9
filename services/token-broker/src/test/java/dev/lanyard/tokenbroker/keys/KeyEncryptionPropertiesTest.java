package dev.lanyard.tokenbroker.keys;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class KeyEncryptionPropertiesTest {

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

}
