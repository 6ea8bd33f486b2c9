package dev.lanyard.integrations.web;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.integrations.integration.application.EventsUnavailableException;
import dev.lanyard.integrations.integration.application.IntegrationNameTakenException;
import dev.lanyard.integrations.integration.application.IntegrationNotFoundException;
import dev.lanyard.integrations.integration.domain.InvalidFieldException;
import dev.lanyard.integrations.secrets.application.SecretUnreadableException;
import dev.lanyard.platform.web.ApiProblemHandler;
import dev.lanyard.platform.web.Problems;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The API's own failures as RFC 9457 problem details; a 400 names the field. The common
 * ones (Spring MVC's, a malformed body without echoing it, unexpected → 500) are
 * {@link ApiProblemHandler}'s.
 */
@RestControllerAdvice
final class ProblemHandler extends ApiProblemHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	@ExceptionHandler
	ProblemDetail invalidField(InvalidFieldException ex) {
		return Problems.of(HttpStatus.BAD_REQUEST, "Invalid field", ex.getMessage(), Map.of("field", ex.field()));
	}

	@ExceptionHandler
	ProblemDetail notFound(IntegrationNotFoundException ex) {
		return Problems.of(HttpStatus.NOT_FOUND, "Not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail nameTaken(IntegrationNameTakenException ex) {
		return Problems.of(HttpStatus.CONFLICT, "Name taken", ex.getMessage(), Map.of("field", "name"));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> eventsUnavailable(EventsUnavailableException ex) {
		log.warn("Change refused and rolled back: {}", ex.getMessage());
		ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Event backbone unavailable",
				"The change could not be published to Kafka, so nothing was changed; try again shortly");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
	}

	@ExceptionHandler
	ProblemDetail secretUnreadable(SecretUnreadableException ex) {
		log.error(ex.getMessage());
		return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Client secret unreadable",
				"The stored client secret cannot be decrypted with the configured key-encryption keys");
	}

}
