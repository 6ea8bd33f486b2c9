package dev.lanyard.integrations.integration.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ClientSecretTest {

	@Test
	void toStringWhenCalledThenNeverShowsTheValue() {
		assertThat(new ClientSecret("s3cr3t-value")).hasToString("ClientSecret[<redacted>]");
	}

	@Test
	void constructorWhenEmptyThenRefusedNamingClientSecret() {
		assertThatExceptionOfType(InvalidFieldException.class).isThrownBy(() -> new ClientSecret(""))
			.withMessage("clientSecret: is required");
	}

	@Test
	void constructorWhenControlCharacterThenRefused() {
		assertThatExceptionOfType(InvalidFieldException.class).isThrownBy(() -> new ClientSecret("a\nb"))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("clientSecret"));
	}

	@Test
	void constructorWhenTooLongThenRefused() {
		assertThatExceptionOfType(InvalidFieldException.class)
			.isThrownBy(() -> new ClientSecret("x".repeat(ClientSecret.MAX_LENGTH + 1)));
	}

	@Test
	void identifiersWhenContentIdMalformedThenRefusedNamingContentId() {
		assertThat(Identifiers.contentId("c-42")).isEqualTo("c-42");
		assertThatExceptionOfType(InvalidFieldException.class).isThrownBy(() -> Identifiers.contentId("../x"))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("contentId"));
	}

}
