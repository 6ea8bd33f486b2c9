package dev.lanyard.audit.trail.adapter.web;

import java.util.Map;

import dev.lanyard.audit.trail.application.TrailUnavailableException;
import dev.lanyard.platform.web.ApiProblemHandler;
import dev.lanyard.platform.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The query API's own failures as RFC 9457 problem details; the common ones (Spring
 * MVC's, unexpected → 500) are {@link ApiProblemHandler}'s.
 */
@RestControllerAdvice
final class ProblemHandler extends ApiProblemHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	@ExceptionHandler
	ProblemDetail invalidParameter(InvalidParameterException ex) {
		return Problems.of(HttpStatus.BAD_REQUEST, "Invalid query parameter", ex.getMessage(),
				Map.of("parameter", ex.parameter()));
	}

	@ExceptionHandler
	ProblemDetail trailUnavailable(TrailUnavailableException ex) {
		log.warn("Audit query failed: {}", ex.getMessage());
		return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Audit store unavailable",
				"The audit store is unavailable; try again shortly");
	}

}
