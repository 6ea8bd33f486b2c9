package dev.lanyard.gateway.web;

import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import dev.lanyard.platform.web.Problems;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes a JSON body straight to a WebFlux exchange, for the gateway's handlers that
 * answer outside Spring's rendering: problem details on the platform's conventions
 * ({@link Problems}, with the exchange's correlation id), or any other JSON.
 */
public final class ExchangeBodies {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ExchangeBodies() {
	}

	/** An RFC 9457 problem. */
	public static Mono<Void> problem(ServerWebExchange exchange, HttpStatusCode status, String detail) {
		return problem(JSON, exchange, status, detail, Map.of());
	}

	/** An RFC 9457 problem, its members followed by {@code extra}. */
	public static Mono<Void> problem(ServerWebExchange exchange, HttpStatusCode status, String detail,
			Map<String, Object> extra) {
		return problem(JSON, exchange, status, detail, extra);
	}

	/**
	 * As {@link #problem(ServerWebExchange, HttpStatusCode, String, Map)}, written by
	 * {@code json}.
	 */
	public static Mono<Void> problem(JsonMapper json, ServerWebExchange exchange, HttpStatusCode status, String detail,
			Map<String, Object> extra) {
		if (json == null || exchange == null || status == null || extra == null) {
			throw new IllegalArgumentException("json, exchange, status and extra cannot be null");
		}
		Map<String, Object> problem = Problems.members(status, detail, exchange.getRequest().getPath().value(),
				CorrelationIdFilter.of(exchange));
		problem.putAll(extra);
		return write(json, exchange, status, MediaType.APPLICATION_PROBLEM_JSON, problem);
	}

	public static Mono<Void> json(ServerWebExchange exchange, HttpStatusCode status, Object body) {
		if (exchange == null || status == null) {
			throw new IllegalArgumentException("exchange and status cannot be null");
		}
		return write(JSON, exchange, status, MediaType.APPLICATION_JSON, body);
	}

	private static Mono<Void> write(JsonMapper json, ServerWebExchange exchange, HttpStatusCode status, MediaType type,
			Object body) {
		ServerHttpResponse response = exchange.getResponse();
		byte[] bytes = json.writeValueAsBytes(body);
		response.setStatusCode(status);
		response.getHeaders().setContentType(type);
		response.getHeaders().setContentLength(bytes.length);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
	}

}
