package dev.lanyard.tokenbroker.web;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ProblemDetailsWriterTest {

	private final ProblemDetailsWriter writer = new ProblemDetailsWriter(JsonMapper.builder().build());

	private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/admin/clients");

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	@Test
	void writeWhenCalledThenRfc9457Body() throws Exception {
		this.writer.write(this.request, this.response, HttpStatus.CONFLICT, "A client with id c-1 already exists");
		assertThat(this.response.getStatus()).isEqualTo(409);
		assertThat(this.response.getContentType()).startsWith("application/problem+json");
		assertThat(this.response.getContentAsString()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Conflict\","
				+ "\"status\":409,\"detail\":\"A client with id c-1 already exists\",\"instance\":\"/api/admin/clients\"}");
	}

	@Test
	void commenceWhenNoTokenThen401ProblemWithChallenge() throws Exception {
		new ProblemAuthenticationEntryPoint(this.writer).commence(this.request, this.response,
				new InsufficientAuthenticationException("Full authentication is required"));
		assertThat(this.response.getStatus()).isEqualTo(401);
		assertThat(this.response.getHeader("WWW-Authenticate")).startsWith("Bearer");
		assertThat(this.response.getContentType()).startsWith("application/problem+json");
		assertThat(this.response.getContentAsString()).contains("\"status\":401")
			.contains("\"detail\":\"A bearer token is required\"");
	}

	@Test
	void commenceWhenTokenGivenThenDetailDoesNotEchoIt() throws Exception {
		this.request.addHeader("Authorization", "Bearer not-a-real-token-value");
		new ProblemAuthenticationEntryPoint(this.writer).commence(this.request, this.response,
				new InsufficientAuthenticationException("bad"));
		assertThat(this.response.getContentAsString()).doesNotContain("not-a-real-token-value")
			.contains("invalid or expired");
	}

	@Test
	void handleWhenAccessDeniedThen403Problem() throws Exception {
		new ProblemAccessDeniedHandler(this.writer).handle(this.request, this.response,
				new AccessDeniedException("Access Denied"));
		assertThat(this.response.getStatus()).isEqualTo(403);
		assertThat(this.response.getContentType()).startsWith("application/problem+json");
		assertThat(this.response.getContentAsString()).contains("\"status\":403").contains("\"title\":\"Forbidden\"");
	}

	@Test
	void constructorWhenJsonNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ProblemDetailsWriter(null))
			.withMessage("json cannot be null");
	}

	@Test
	void writeWhenStatusNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.writer.write(this.request, this.response, null, "x"))
			.withMessage("status cannot be null");
	}

}
