package dev.lanyard.tokenbroker.clients.adapter.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.platform.web.ApiProblemHandler;
import dev.lanyard.platform.web.Problems;
import dev.lanyard.tokenbroker.clients.application.InvalidClientRequestException;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The admin API's own failures as RFC 9457 problems: bad client requests 400, an
 * unreachable database 503. The common ones (Spring MVC's, unexpected → 500) are
 * {@link ApiProblemHandler}'s.
 */
@RestControllerAdvice
public final class AdminClientsExceptionHandler extends ApiProblemHandler {

	private static final Logger log = LoggerFactory.getLogger(AdminClientsExceptionHandler.class);

	@ExceptionHandler(InvalidClientRequestException.class)
	ProblemDetail invalidRequest(InvalidClientRequestException ex) {
		return Problems.of(HttpStatus.BAD_REQUEST, null, ex.getMessage());
	}

	@ExceptionHandler(DataAccessException.class)
	ProblemDetail storeUnavailable(DataAccessException ex) {
		log.warn("Client store unavailable: {}", ex.getClass().getSimpleName());
		return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, null, "The client store is unavailable; retry later");
	}

}
