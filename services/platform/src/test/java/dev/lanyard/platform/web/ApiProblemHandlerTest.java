package dev.lanyard.platform.web;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ApiProblemHandlerTest {

	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Things())
		.setControllerAdvice(new ThingProblems())
		.build();

	@Test
	void unexpectedWhenRuntimeExceptionThen500WithoutMessageOrTrace() throws Exception {
		this.mvc.perform(get("/things/boom"))
			.andExpect(status().isInternalServerError())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Internal error"))
			.andExpect(jsonPath("$.detail").value("The request could not be completed"))
			.andExpect(content().string(not(containsString("s3cret"))))
			.andExpect(content().string(not(containsString("at dev.lanyard"))));
	}

	@Test
	void serviceMappingWhenItsExceptionThenItsStatus() throws Exception {
		this.mvc.perform(get("/things/missing"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("No thing t-1"));
	}

	@Test
	void handleHttpMessageNotReadableWhenNotJsonThen400WithoutEchoingBody() throws Exception {
		this.mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"secret\": s3cret"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("Invalid request body"))
			.andExpect(jsonPath("$.detail").value("The request body is not valid JSON"))
			.andExpect(content().string(not(containsString("s3cret"))));
	}

	@Test
	void handleHttpMessageNotReadableWhenWrongTypeThen400NamingField() throws Exception {
		this.mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"count\": \"s3cret\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("count: has the wrong type"))
			.andExpect(jsonPath("$.field").value("count"))
			.andExpect(content().string(not(containsString("s3cret"))));
	}

	@Test
	void missingParameterThen400Problem() throws Exception {
		this.mvc.perform(get("/things"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void wrongMethodThen405Problem() throws Exception {
		this.mvc.perform(delete("/things/boom"))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	record Thing(int count) {
	}

	static final class ThingNotFound extends RuntimeException {

		ThingNotFound(String message) {
			super(message);
		}

	}

	@RestController
	static class Things {

		@GetMapping("/things/boom")
		String boom() {
			throw new IllegalStateException("password s3cret leaked into a message");
		}

		@GetMapping("/things/missing")
		String missing() {
			throw new ThingNotFound("No thing t-1");
		}

		@GetMapping("/things")
		String list(@RequestParam String owner) {
			return owner;
		}

		@PostMapping("/things")
		Thing create(@RequestBody Thing thing) {
			return thing;
		}

	}

	@RestControllerAdvice
	static final class ThingProblems extends ApiProblemHandler {

		@ExceptionHandler
		ProblemDetail notFound(ThingNotFound ex) {
			return Problems.of(HttpStatus.NOT_FOUND, "Not found", ex.getMessage());
		}

	}

}
