package dev.lanyard.provisioning.scim.auth.domain;

import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ScimSecretTest {

	@Test
	void generateWhenCalledThenPrefixedBase64urlOf256Bits() {
		String secret = ScimSecret.generate();

		assertThat(secret).startsWith("lys_").matches("lys_[A-Za-z0-9_-]{43}");
		assertThat(Base64.getUrlDecoder().decode(secret.substring(4))).hasSize(32);
		assertThat(ScimSecret.isWellFormed(secret)).isTrue();
	}

	@Test
	void generateWhenCalledManyTimesThenNeverRepeats() {
		Set<String> secrets = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			secrets.add(ScimSecret.generate());
		}
		assertThat(secrets).hasSize(1000);
	}

	@Test
	void sha256WhenSecretThenDigestOfItsUtf8Bytes() {
		// the digest of "abc" from FIPS 180-2, appendix B.1
		assertThat(HexFormat.of().formatHex(ScimSecret.sha256("abc")))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

	@Test
	void sha256WhenNullThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> ScimSecret.sha256(null))
			.withMessage("secret cannot be null");
	}

	@Test
	void isWellFormedWhenOtherShapeThenFalse() {
		assertThat(ScimSecret.isWellFormed(null)).isFalse();
		assertThat(ScimSecret.isWellFormed("lys_short")).isFalse();
		assertThat(ScimSecret.isWellFormed("xyz_" + ScimSecret.generate().substring(4))).isFalse();
		assertThat(ScimSecret.isWellFormed(ScimSecret.generate() + "A")).isFalse();
	}

}
