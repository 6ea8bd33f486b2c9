package dev.lanyard.integrations.integration.adapter.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IntegrationRequestTest {

	@Test
	void toStringWhenSecretGivenThenRedacted() {
		IntegrationRequest request = new IntegrationRequest("n", null, "github", "viewer", null, null, null, "c",
				"super-secret", null, null, null, null, null, null);
		assertThat(request.toString()).doesNotContain("super-secret").contains("<redacted>");
		assertThat(new SecretRequest("super-secret").toString()).doesNotContain("super-secret");
	}

	@Test
	void idWhenNotAUuidThenNotFound() {
		org.assertj.core.api.Assertions
			.assertThatExceptionOfType(
					dev.lanyard.integrations.integration.application.IntegrationNotFoundException.class)
			.isThrownBy(() -> IntegrationsController.id("nope"));
	}

}
