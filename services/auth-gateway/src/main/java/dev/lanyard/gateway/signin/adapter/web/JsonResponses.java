package dev.lanyard.gateway.signin.adapter.web;

import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/** Writes a JSON body with a status, from handlers that also write problem details. */
final class JsonResponses {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private JsonResponses() {
	}

	static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, Object body) {
		ServerHttpResponse response = exchange.getResponse();
		byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		response.getHeaders().setContentLength(bytes.length);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
	}

}
