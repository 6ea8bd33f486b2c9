package dev.lanyard.provisioning.web;

import dev.lanyard.provisioning.events.application.EventsUnavailableException;
import dev.lanyard.provisioning.shared.application.RequestRejectedException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Renders every failure of the admin API as RFC 9457 problem details; Spring MVC's own
 * (unreadable body, unknown path, wrong method, malformed id) through the base class.
 */
@RestControllerAdvice
final class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Log logger = LogFactory.getLog(ProblemHandler.class);

	@ExceptionHandler
	ProblemDetail rejected(RequestRejectedException ex) {
		HttpStatus status = switch (ex.kind()) {
			case INVALID -> HttpStatus.BAD_REQUEST;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case CONFLICT -> HttpStatus.CONFLICT;
		};
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setTitle(switch (ex.kind()) {
			case INVALID -> "Invalid request";
			case NOT_FOUND -> "Not found";
			case CONFLICT -> "Conflict";
		});
		if (ex.field() != null) {
			problem.setProperty("field", ex.field());
		}
		return problem;
	}

	@ExceptionHandler
	ProblemDetail eventsUnavailable(EventsUnavailableException ex) {
		logger.warn("Admin change rolled back: " + ex.getMessage());
		return unavailable("Kafka did not acknowledge the change in time, so nothing was changed; retry shortly");
	}

	@ExceptionHandler
	ProblemDetail concurrentChange(DuplicateKeyException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"A concurrent change created the same name or id; nothing was changed");
		problem.setTitle("Conflict");
		return problem;
	}

	@ExceptionHandler({ DataAccessException.class, TransactionException.class })
	ProblemDetail storeUnavailable(RuntimeException ex) {
		logger.warn("Admin request failed on the database: " + ex.getClass().getSimpleName());
		return unavailable("The user store is unavailable, so nothing was changed; retry shortly");
	}

	@ExceptionHandler
	ProblemDetail unexpected(RuntimeException ex) {
		logger.error("Admin request failed unexpectedly", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The request could not be completed");
		problem.setTitle("Internal error");
		return problem;
	}

	private static ProblemDetail unavailable(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
		problem.setTitle("Service unavailable");
		return problem;
	}

}
