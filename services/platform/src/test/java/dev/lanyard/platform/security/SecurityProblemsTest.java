package dev.lanyard.platform.security;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SecurityProblemsTest {

	// As Spring Boot configures the application's mapper.
	private static final JsonMapper JSON = JsonMapper.builder()
		.addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
		.build();

	private final SecurityProblems problems = new SecurityProblems(JSON);

	private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/things");

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	@Test
	void constructorWhenJsonNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SecurityProblems(null))
			.withMessage("json cannot be null");
	}

	@Test
	void commenceWhenNoTokenThenProblemAndBearerChallenge() throws Exception {
		this.problems.commence(this.request, this.response, new InsufficientAuthenticationException("no token"));
		assertThat(this.response.getStatus()).isEqualTo(401);
		assertThat(this.response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(this.response.getHeader("WWW-Authenticate")).startsWith("Bearer");
		assertThat(this.response.getContentAsString()).contains("\"status\":401")
			.contains("\"title\":\"Unauthorized\"")
			.contains("\"detail\":\"A bearer token is required\"")
			.contains("\"instance\":\"/api/things\"");
	}

	@Test
	void commenceWhenOtherSchemeThanBearerThenTokenRequired() throws Exception {
		this.request.addHeader("Authorization", "Basic YWRtaW46YWRtaW4=");
		this.problems.commence(this.request, this.response, new InsufficientAuthenticationException("no token"));
		assertThat(this.response.getContentAsString()).contains("\"detail\":\"A bearer token is required\"");
	}

	@Test
	void commenceWhenTokenInvalidThenProblemWithoutTokenDetails() throws Exception {
		OAuth2AuthenticationException invalid = new OAuth2AuthenticationException(
				new OAuth2Error("invalid_token", "Jwt expired at 2026-11-25T10:00:00Z", null));
		this.problems.commence(this.request, this.response, invalid);
		assertThat(this.response.getStatus()).isEqualTo(401);
		assertThat(this.response.getHeader("WWW-Authenticate")).startsWith("Bearer").contains("invalid_token");
		assertThat(this.response.getContentAsString())
			.contains("\"detail\":\"The bearer token is not valid for this service\"")
			.doesNotContain("Jwt expired");
	}

	@Test
	void handleWhenRefusedByTokenAccessThenProblemWithItsReason() throws Exception {
		AuthorizationDeniedException denied = new AuthorizationDeniedException("Access Denied",
				new TokenAccess.Refusal("Reading the audit trail requires the role auditor"));
		this.problems.handle(this.request, this.response, denied);
		assertThat(this.response.getStatus()).isEqualTo(403);
		assertThat(this.response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(this.response.getHeader("WWW-Authenticate")).startsWith("Bearer");
		assertThat(this.response.getContentAsString()).contains("\"status\":403")
			.contains("\"title\":\"Forbidden\"")
			.contains("\"detail\":\"Reading the audit trail requires the role auditor\"")
			.contains("\"instance\":\"/api/things\"");
	}

	@Test
	void handleWhenDeniedOtherwiseThenPlainProblem() throws Exception {
		this.problems.handle(this.request, this.response, new AccessDeniedException("Access Denied"));
		assertThat(this.response.getStatus()).isEqualTo(403);
		assertThat(this.response.getContentAsString())
			.contains("\"detail\":\"The bearer token may not be used for this request\"");
	}

	@Test
	void commenceWhenInvalidTokenGivenThenDetailDoesNotEchoIt() throws Exception {
		this.request.addHeader("Authorization", "Bearer not-a-real-token-value");
		this.problems.commence(this.request, this.response, new OAuth2AuthenticationException(
				new OAuth2Error("invalid_token", "bad not-a-real-token-value", null)));
		assertThat(this.response.getContentAsString()).doesNotContain("not-a-real-token-value");
	}

}
