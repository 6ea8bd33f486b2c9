package dev.lanyard.provisioning.scim.auth.adapter.web;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ScimRefusalsTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final ScimRefusals refusals = new ScimRefusals(json);

	@Test
	void commenceWhenNoSecretThenScimErrorWithBearerChallenge() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.refusals.commence(new MockHttpServletRequest("GET", "/scim/v2/Users"), response,
				new InsufficientAuthenticationException("Full authentication is required"));

		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getContentType()).startsWith("application/scim+json");
		assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer realm=\"lanyard-scim\"");
		JsonNode body = json.readTree(response.getContentAsString());
		assertThat(body.get("schemas").get(0).asString()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
		assertThat(body.get("status").isString()).isTrue();
		assertThat(body.get("status").asString()).isEqualTo("401");
		assertThat(body.get("detail").asString()).isEqualTo(ScimRefusals.SECRET_REQUIRED);
	}

	@Test
	void commenceWhenSecretRefusedThenInvalidTokenChallengeAndNoQuote() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/scim/v2/Users");
		request.addHeader("Authorization", "Bearer lys_not-a-real-secret");
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.refusals.commence(request, response, new InvalidBearerTokenException(ScimRefusals.SECRET_NOT_VALID));

		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getHeader("WWW-Authenticate"))
			.isEqualTo("Bearer realm=\"lanyard-scim\", error=\"invalid_token\"");
		assertThat(response.getContentAsString()).contains(ScimRefusals.SECRET_NOT_VALID)
			.doesNotContain("not-a-real-secret");
	}

	@Test
	void commenceWhenStoreUnavailableThenServiceUnavailableWithoutChallenge() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.refusals.commence(new MockHttpServletRequest("GET", "/scim/v2/Users"), response,
				new AuthenticationServiceException("store down"));

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("WWW-Authenticate")).isNull();
		assertThat(json.readTree(response.getContentAsString()).get("status").asString()).isEqualTo("503");
	}

	@Test
	void handleWhenAccessDeniedThenForbiddenScimError() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.refusals.handle(new MockHttpServletRequest("GET", "/scim/v2/Users"), response,
				new AccessDeniedException("Access Denied"));

		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(response.getHeader("WWW-Authenticate")).contains("error=\"insufficient_scope\"");
		assertThat(response.getContentType()).startsWith("application/scim+json");
		assertThat(json.readTree(response.getContentAsString()).get("status").asString()).isEqualTo("403");
	}

	@Test
	void constructorWhenJsonNullThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ScimRefusals(null))
			.withMessage("json cannot be null");
	}

}
