package dev.lanyard.platform.web;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ProblemsTest {

	@Test
	void ofWhenTitleGivenThenUsesIt() {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Invalid field", "name: must not be blank");
		assertThat(problem.getStatus()).isEqualTo(400);
		assertThat(problem.getTitle()).isEqualTo("Invalid field");
		assertThat(problem.getDetail()).isEqualTo("name: must not be blank");
	}

	@Test
	void ofWhenNoTitleThenReasonPhrase() {
		assertThat(Problems.of(HttpStatus.CONFLICT, null, "taken").getTitle()).isEqualTo("Conflict");
	}

	@Test
	void ofWhenMembersGivenThenExtensionMembers() {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Invalid field", "name: too long",
				Map.of("field", "name"));
		assertThat(problem.getProperties()).containsExactly(entry("field", "name"));
	}

	@Test
	void ofWhenMembersNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> Problems.of(HttpStatus.BAD_REQUEST, "t", "d", null))
			.withMessage("members cannot be null");
	}

	@Test
	void titleWhenUnknownStatusThenError() {
		assertThat(Problems.title(HttpStatusCode.valueOf(599))).isEqualTo("Error");
	}

	@Test
	void membersWhenAllGivenThenInOrder() {
		assertThat(Problems.members(HttpStatus.BAD_GATEWAY, "unreachable", "/api/x", "c-1")).containsExactly(
				entry("type", "about:blank"), entry("title", "Bad Gateway"), entry("status", 502),
				entry("detail", "unreachable"), entry("instance", "/api/x"), entry("correlationId", "c-1"));
	}

	@Test
	void membersWhenNoCorrelationIdThenLeftOut() {
		assertThat(Problems.members(HttpStatus.NOT_FOUND, "none", "/x", null)).doesNotContainKey("correlationId");
	}

	@Test
	void ofWhenStatusNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> Problems.of(null, "t", "d"))
			.withMessage("status cannot be null");
	}

	@Test
	void membersWhenStatusNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> Problems.members(null, "d", "/", null))
			.withMessage("status cannot be null");
	}

}
