package dev.lanyard.gateway.signin.adapter.jdbc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SessionAttributesJsonTest {

	private final SessionAttributesJson json = new SessionAttributesJson();

	@Test
	void readWhenWrittenThenTextAndAuthorizationRequestComeBack() {
		OAuth2AuthorizationRequest request = OAuth2AuthorizationRequest.authorizationCode()
			.authorizationUri("https://idp.example/authorize")
			.clientId("lanyard")
			.redirectUri("https://lanyard.example/login/oauth2/code/dev")
			.state("st-1")
			.scopes(Set.of("openid", "email"))
			.additionalParameters(Map.of("nonce", "n-hash", "code_challenge", "cc", "code_challenge_method", "S256"))
			.attributes(Map.of("registration_id", "dev", "code_verifier", "cv", "nonce", "n-1"))
			.authorizationRequestUri("https://idp.example/authorize?state=st-1")
			.build();
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put("lanyard.userId", "u-1");
		attributes.put("pending", request);

		Map<String, Object> read = this.json.read(this.json.write(attributes));

		assertThat(read).containsEntry("lanyard.userId", "u-1");
		assertThat(read.get("pending")).isInstanceOfSatisfying(OAuth2AuthorizationRequest.class, (back) -> {
			assertThat(back.getState()).isEqualTo("st-1");
			assertThat(back.getClientId()).isEqualTo("lanyard");
			assertThat(back.getRedirectUri()).isEqualTo(request.getRedirectUri());
			assertThat(back.getScopes()).containsExactlyInAnyOrder("openid", "email");
			assertThat(back.getAdditionalParameters()).isEqualTo(request.getAdditionalParameters());
			assertThat(back.getAttributes()).isEqualTo(request.getAttributes());
			assertThat(back.getAuthorizationRequestUri()).isEqualTo(request.getAuthorizationRequestUri());
		});
	}

	@Test
	void writeWhenAttributeOfAnotherKindThenNotStored() {
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put("lanyard.userId", "u-1");
		attributes.put("something", new StringBuilder("object"));
		byte[] written = this.json.write(attributes);
		assertThat(new String(written, StandardCharsets.UTF_8)).doesNotContain("something").doesNotContain("object");
		assertThat(this.json.read(written)).containsOnlyKeys("lanyard.userId");
	}

	@Test
	void readWhenJavaSerializedRowThenRefusedWithoutBuildingAnything() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(new LinkedHashMap<>(Map.of("lanyard.userId", "u-1")));
		}
		assertThatIllegalArgumentException().isThrownBy(() -> this.json.read(bytes.toByteArray()));
	}

}
