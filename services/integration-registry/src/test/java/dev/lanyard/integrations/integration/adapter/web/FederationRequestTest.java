package dev.lanyard.integrations.integration.adapter.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class FederationRequestTest {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void draftWhenStaticJwksIsAnObjectThenItsJsonText() {
		FederationRequest request = this.json.readValue(
				"{\"issuer\":\"https://sso.example.com\",\"staticJwks\":{\"keys\":[{\"kty\":\"EC\"}]},"
						+ "\"audiences\":[\"lanyard\"],\"subjectRules\":[{\"type\":\"exact\",\"value\":\"s\"}]}",
				FederationRequest.class);
		assertThat(request.draft().staticJwks()).isEqualTo("{\"keys\":[{\"kty\":\"EC\"}]}");
		assertThat(request.draft().subjectRules()).singleElement()
			.satisfies((rule) -> assertThat(rule.type()).isEqualTo("exact"));
		assertThat(request.draft().audiences()).isEqualTo(List.of("lanyard"));
	}

	@Test
	void draftWhenStaticJwksIsJsonTextThenUnchanged() {
		FederationRequest request = this.json.readValue("{\"staticJwks\":\"{\\\"keys\\\":[]}\"}",
				FederationRequest.class);
		assertThat(request.draft().staticJwks()).isEqualTo("{\"keys\":[]}");
	}

	@Test
	void draftWhenViewSentBackWithDiscoveredJwksUriThenDiscoveredAgain() {
		FederationRequest request = this.json.readValue(
				"{\"jwksUri\":\"https://sso.example.com/jwks\",\"jwksUriDiscovered\":true}", FederationRequest.class);
		assertThat(request.draft().jwksUri()).isNull();
	}

	@Test
	void draftWhenJwksUriGivenAloneThenPinned() {
		FederationRequest request = this.json.readValue("{\"jwksUri\":\"https://sso.example.com/jwks\"}",
				FederationRequest.class);
		assertThat(request.draft().jwksUri()).isEqualTo("https://sso.example.com/jwks");
	}

}
