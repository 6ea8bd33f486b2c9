package dev.lanyard.tokenbroker.clients.adapter.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.tokenbroker.clients.application.InvalidClientRequestException;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Renders every error of the admin API as an RFC 9457 problem: Spring MVC's own
 * (unreadable body, unknown path, wrong method) through
 * {@link ResponseEntityExceptionHandler}, and bad client requests as 400, an unreachable
 * database as 503.
 */
@RestControllerAdvice
public class AdminClientsExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(AdminClientsExceptionHandler.class);

	@ExceptionHandler(InvalidClientRequestException.class)
	ProblemDetail invalidRequest(InvalidClientRequestException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler(DataAccessException.class)
	ProblemDetail storeUnavailable(DataAccessException ex) {
		log.warn("Client store unavailable: {}", ex.getClass().getSimpleName());
		return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The client store is unavailable; retry later");
	}

}
