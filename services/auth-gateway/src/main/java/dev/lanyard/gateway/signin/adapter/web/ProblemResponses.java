package dev.lanyard.gateway.signin.adapter.web;

import java.util.Map;

import reactor.core.publisher.Mono;

import dev.lanyard.gateway.web.ExchangeBodies;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;

/** Writes RFC 9457 problem details from the sign-in's own handlers. */
final class ProblemResponses {

	private ProblemResponses() {
	}

	static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
		return write(exchange, status, detail, Map.of());
	}

	static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail, Map<String, Object> extra) {
		return ExchangeBodies.problem(exchange, status, detail, extra);
	}

}
