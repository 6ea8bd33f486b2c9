package dev.lanyard.audit.web;

import dev.lanyard.platform.web.Problems;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A long read refused for want of a slot, as an RFC 9457 problem (429). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class StreamProblems {

	static final String RETRY_AFTER_SECONDS = "10";

	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooManyStreams(TooManyStreamsException ex) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
			.body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "Too many long reads", ex.getMessage()));
	}

}
