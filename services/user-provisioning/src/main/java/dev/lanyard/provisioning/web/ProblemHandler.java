package dev.lanyard.provisioning.web;

import dev.lanyard.platform.web.ApiProblemHandler;
import dev.lanyard.platform.web.Problems;
import dev.lanyard.provisioning.directory.application.EventsUnavailableException;
import dev.lanyard.provisioning.shared.application.RequestRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The admin API's own failures as RFC 9457 problem details; the common ones (Spring
 * MVC's, a malformed body, unexpected → 500) are {@link ApiProblemHandler}'s.
 */
@RestControllerAdvice
final class ProblemHandler extends ApiProblemHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	@ExceptionHandler
	ProblemDetail rejected(RequestRejectedException ex) {
		ProblemDetail problem = switch (ex.kind()) {
			case INVALID -> Problems.of(HttpStatus.BAD_REQUEST, "Invalid request", ex.getMessage());
			case NOT_FOUND -> Problems.of(HttpStatus.NOT_FOUND, "Not found", ex.getMessage());
			case CONFLICT -> Problems.of(HttpStatus.CONFLICT, "Conflict", ex.getMessage());
		};
		if (ex.field() != null) {
			problem.setProperty("field", ex.field());
		}
		return problem;
	}

	@ExceptionHandler
	ProblemDetail eventsUnavailable(EventsUnavailableException ex) {
		log.warn("Admin change rolled back: {}", ex.getMessage());
		return unavailable("Kafka did not acknowledge the change in time, so nothing was changed; retry shortly");
	}

	@ExceptionHandler
	ProblemDetail concurrentChange(DuplicateKeyException ex) {
		return Problems.of(HttpStatus.CONFLICT, "Conflict",
				"A concurrent change created the same name or id; nothing was changed");
	}

	@ExceptionHandler({ DataAccessException.class, TransactionException.class })
	ProblemDetail storeUnavailable(RuntimeException ex) {
		log.warn("Admin request failed on the database: {}", ex.getClass().getSimpleName());
		return unavailable("The user store is unavailable, so nothing was changed; retry shortly");
	}

	private static ProblemDetail unavailable(String detail) {
		return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", detail);
	}

}
