package dev.lanyard.tokenbroker.keys.adapter.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.platform.web.Problems;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The signing-key API's failures as RFC 9457 problems: an unreachable database 503, a
 * rotation that could not complete 500, never a stack trace. Ahead of the admin API's
 * general handler, whose texts speak of clients.
 */
@RestControllerAdvice(assignableTypes = SigningKeysController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class SigningKeysExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(SigningKeysExceptionHandler.class);

	@ExceptionHandler(DataAccessException.class)
	ProblemDetail storeUnavailable(DataAccessException ex) {
		log.warn("Signing key store unavailable: {}", ex.getClass().getSimpleName());
		return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, null, "The signing key store is unavailable; retry later");
	}

	@ExceptionHandler(IllegalStateException.class)
	ProblemDetail rotationFailed(IllegalStateException ex) {
		log.warn("Signing key rotation failed: {}", ex.getMessage());
		return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, null,
				"The signing key could not be rotated; the previous key still signs");
	}

}
