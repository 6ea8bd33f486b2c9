package dev.lanyard.gateway.web;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import dev.lanyard.gateway.routing.ApiProxy;
import dev.lanyard.platform.web.Problems;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Renders every error the gateway itself produces (no route, upstream unreachable or too
 * slow, anything unexpected) as RFC 9457 problem details. Errors an upstream answers with
 * are passed through untouched. Details never echo exception messages, which may carry
 * request data.
 */
public final class ProblemDetailsExceptionHandler implements ErrorWebExceptionHandler, Ordered {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsExceptionHandler.class);

	private final JsonMapper json;

	public ProblemDetailsExceptionHandler(JsonMapper json) {
		if (json == null) {
			throw new IllegalArgumentException("json cannot be null");
		}
		this.json = json;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.error(ex);
		}
		Failure failure = Failure.of(ex);
		logFailure(exchange, failure, CorrelationIdFilter.of(exchange), ex);
		return ExchangeBodies.problem(this.json, exchange, failure.status(), failure.detail(), Map.of());
	}

	@Override
	public int getOrder() {
		// ahead of Spring Boot's default handler (-1), which renders its own JSON shape
		return -2;
	}

	private static void logFailure(ServerWebExchange exchange, Failure failure, String correlationId, Throwable ex) {
		String routeId = exchange.getAttributeOrDefault(ApiProxy.ROUTE_ATTRIBUTE, "none");
		String path = exchange.getRequest().getPath().value();
		if (failure.status().value() == 500) {
			log.error("Unexpected error on {} {} (route {}, correlation {})", exchange.getRequest().getMethod(), path,
					routeId, correlationId, ex);
		}
		else if (failure.status().is5xxServerError()) {
			log.warn("Answered {} for {} {} (route {}, correlation {}): {}", failure.status().value(),
					exchange.getRequest().getMethod(), path, routeId, correlationId, ex.toString());
		}
		else {
			log.debug("Answered {} for {} {} (correlation {})", failure.status().value(),
					exchange.getRequest().getMethod(), path, correlationId);
		}
	}

	/** What went wrong, as the caller should see it. */
	record Failure(HttpStatusCode status, String detail) {

		static Failure of(Throwable ex) {
			if (ex instanceof ErrorResponse error && ex instanceof ExposedDetail
					&& error.getBody().getDetail() != null) {
				return new Failure(error.getStatusCode(), error.getBody().getDetail());
			}
			if (ex instanceof ErrorResponse error) {
				HttpStatusCode status = error.getStatusCode();
				return switch (status.value()) {
					case 404 -> new Failure(status, "Nothing is served at this path.");
					case 502, 503 -> unreachable(status);
					case 504 -> tooSlow();
					default -> new Failure(status, (error.getBody().getDetail() != null) ? error.getBody().getDetail()
							: Problems.title(status));
				};
			}
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof TimeoutException) {
					return tooSlow();
				}
				if (cause instanceof IOException) {
					return unreachable(HttpStatus.BAD_GATEWAY);
				}
			}
			return new Failure(HttpStatus.INTERNAL_SERVER_ERROR,
					"The gateway failed unexpectedly; quote the correlation id when reporting it.");
		}

		private static Failure unreachable(HttpStatusCode status) {
			return new Failure(status, "The service behind this path could not be reached; retrying later may help.");
		}

		private static Failure tooSlow() {
			return new Failure(HttpStatus.GATEWAY_TIMEOUT,
					"The service behind this path did not answer in time; retrying later may help.");
		}

	}

}
