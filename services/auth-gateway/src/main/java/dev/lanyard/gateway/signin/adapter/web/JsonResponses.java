package dev.lanyard.gateway.signin.adapter.web;

import reactor.core.publisher.Mono;

import dev.lanyard.gateway.web.ExchangeBodies;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;

/** Writes a JSON body with a status, from handlers that also write problem details. */
final class JsonResponses {

	private JsonResponses() {
	}

	static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, Object body) {
		return ExchangeBodies.json(exchange, status, body);
	}

}
