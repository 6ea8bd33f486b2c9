package dev.lanyard.platform.crypto;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyEncryptionKeyTextTest {

	private static final byte[] KEY = new byte[] { -1, -2, -3, -4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18,
			19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32 };

	@Test
	void decodeWhenStandardBase64ThenKey() {
		assertThat(KeyEncryptionKeyText.decode(Base64.getEncoder().encodeToString(KEY))).contains(KEY);
	}

	@Test
	void decodeWhenUrlSafeWithoutPaddingThenKey() {
		String text = Base64.getUrlEncoder().withoutPadding().encodeToString(KEY);
		assertThat(text).containsAnyOf("-", "_");
		assertThat(KeyEncryptionKeyText.decode(text)).contains(KEY);
	}

	@Test
	void decodeWhenNot32BytesThenEmpty() {
		assertThat(KeyEncryptionKeyText.decode(Base64.getEncoder().encodeToString(new byte[31]))).isEmpty();
		assertThat(KeyEncryptionKeyText.decode(Base64.getEncoder().encodeToString(new byte[33]))).isEmpty();
	}

	@Test
	void decodeWhenNotBase64OrNullThenEmpty() {
		assertThat(KeyEncryptionKeyText.decode("not base64 at all!")).isEmpty();
		assertThat(KeyEncryptionKeyText.decode(null)).isEmpty();
	}

}
