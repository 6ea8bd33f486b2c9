package dev.lanyard.platform.outbound;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UrisTest {

	@Test
	void isAbsoluteWhenSchemeThenTrue() {
		assertThat(Uris.isAbsolute("https://api.example.com/")).isTrue();
		assertThat(Uris.isAbsolute("urn:example:api")).isTrue();
	}

	@Test
	void isAbsoluteWhenPlainNameRelativeUnparsableOrNullThenFalse() {
		assertThat(Uris.isAbsolute("my-api")).isFalse();
		assertThat(Uris.isAbsolute("/path")).isFalse();
		assertThat(Uris.isAbsolute("https://bad host/")).isFalse();
		assertThat(Uris.isAbsolute(null)).isFalse();
	}

}
