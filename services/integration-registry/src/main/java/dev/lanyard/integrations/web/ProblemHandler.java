package dev.lanyard.integrations.web;

import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import dev.lanyard.integrations.integration.application.EventsUnavailableException;
import dev.lanyard.integrations.integration.application.IntegrationNameTakenException;
import dev.lanyard.integrations.integration.application.IntegrationNotFoundException;
import dev.lanyard.integrations.integration.domain.InvalidFieldException;
import dev.lanyard.integrations.secrets.application.SecretUnreadableException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Renders every failure of the API as RFC 9457 problem details; a 400 names the field.
 * Details never echo a request body (it may hold a client secret).
 */
@RestControllerAdvice
final class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	@ExceptionHandler
	ProblemDetail invalidField(InvalidFieldException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid field");
		problem.setProperty("field", ex.field());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail notFound(IntegrationNotFoundException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Not found");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail nameTaken(IntegrationNameTakenException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setTitle("Name taken");
		problem.setProperty("field", "name");
		return problem;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> eventsUnavailable(EventsUnavailableException ex) {
		log.warn("Change refused and rolled back: {}", ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The change could not be published to Kafka, so nothing was changed; try again shortly");
		problem.setTitle("Event backbone unavailable");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
	}

	@ExceptionHandler
	ProblemDetail secretUnreadable(SecretUnreadableException ex) {
		log.error(ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The stored client secret cannot be decrypted with the configured key-encryption keys");
		problem.setTitle("Client secret unreadable");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail unexpected(RuntimeException ex) {
		log.error("Request failed unexpectedly", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The request could not be completed");
		problem.setTitle("Internal error");
		return problem;
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String field = null;
		if (ex.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			field = jackson.getPath()
				.stream()
				.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
						: Integer.toString(reference.getIndex()))
				.collect(Collectors.joining("."));
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				(field != null) ? field + ": has the wrong type" : "The request body is not valid JSON");
		problem.setTitle("Invalid request body");
		if (field != null) {
			problem.setProperty("field", field);
		}
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

}
