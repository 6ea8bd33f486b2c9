package dev.lanyard.gateway.web;

import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ProblemDetailsExceptionHandlerTest {

	private final JsonMapper json = JsonMapper.builder().build();

	private final ProblemDetailsExceptionHandler handler = new ProblemDetailsExceptionHandler(this.json);

	@Test
	void handleWhenNoRouteThenNotFoundProblem() {
		MockServerWebExchange exchange = exchange("/api/nowhere");
		this.handler.handle(exchange, new ResponseStatusException(HttpStatus.NOT_FOUND)).block();
		Map<String, Object> problem = problem(exchange);
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(problem).containsEntry("type", "about:blank")
			.containsEntry("title", "Not Found")
			.containsEntry("status", 404)
			.containsEntry("instance", "/api/nowhere")
			.containsEntry("correlationId", "corr-1")
			.containsKey("detail");
	}

	@Test
	void handleWhenUpstreamRefusesConnectionThenBadGatewayProblemWithoutExceptionText() {
		MockServerWebExchange exchange = exchange("/oauth2/token");
		ConnectException refused = new ConnectException("Connection refused: secret-host/10.0.0.1:8081");
		this.handler.handle(exchange, new IllegalStateException("wrapped", refused)).block();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
		assertThat(problem(exchange)).containsEntry("status", 502);
		assertThat(exchange.getResponse().getBodyAsString().block()).doesNotContain("secret-host");
	}

	@Test
	void handleWhenUpstreamTimesOutThenGatewayTimeoutProblem() {
		MockServerWebExchange exchange = exchange("/api/audit/events");
		this.handler.handle(exchange, new TimeoutException("slow")).block();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
	}

	@Test
	void handleWhenGatewayReportsTimeoutStatusThenGatewayTimeoutProblem() {
		MockServerWebExchange exchange = exchange("/api/audit/events");
		this.handler.handle(exchange, new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "took PT30S")).block();
		assertThat(problem(exchange)).containsEntry("status", 504);
	}

	@Test
	void handleWhenUnexpectedThenInternalServerErrorProblemWithoutMessage() {
		MockServerWebExchange exchange = exchange("/oauth2/token");
		this.handler.handle(exchange, new IllegalStateException("token=abc")).block();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(exchange.getResponse().getBodyAsString().block()).doesNotContain("token=abc");
	}

	@Test
	void handleWhenMethodNotAllowedThenKeepsStatus() {
		MockServerWebExchange exchange = exchange("/actuator/health");
		this.handler.handle(exchange, new ResponseStatusException(HttpStatus.METHOD_NOT_ALLOWED)).block();
		assertThat(problem(exchange)).containsEntry("status", 405).containsEntry("title", "Method Not Allowed");
	}

	@Test
	void constructWhenMapperNullThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ProblemDetailsExceptionHandler(null))
			.withMessage("json cannot be null");
	}

	private static MockServerWebExchange exchange(String path) {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get(path));
		exchange.getAttributes().put(CorrelationIdFilter.ATTRIBUTE, "corr-1");
		return exchange;
	}

	private Map<String, Object> problem(MockServerWebExchange exchange) {
		return this.json.readValue(exchange.getResponse().getBodyAsString().block(), new TypeReference<>() {
		});
	}

}
