package dev.lanyard.audit.ledger.adapter.web;

import java.util.Map;

import dev.lanyard.audit.ledger.application.LedgerUnavailableException;
import dev.lanyard.audit.ledger.application.LogIntegrityException;
import dev.lanyard.audit.ledger.application.NoCheckpointException;
import dev.lanyard.platform.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The log API's own failures as RFC 9457 problem details; the rest fall through to the
 * service's common handler.
 */
@RestControllerAdvice(assignableTypes = LedgerController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
final class LedgerProblems {

	private static final Logger log = LoggerFactory.getLogger(LedgerProblems.class);

	@ExceptionHandler
	ProblemDetail invalidRange(IllegalArgumentException ex) {
		return Problems.of(HttpStatus.BAD_REQUEST, "Invalid range", ex.getMessage(), Map.of("parameter", "from,to"));
	}

	@ExceptionHandler
	ProblemDetail noCheckpoint(NoCheckpointException ex) {
		return Problems.of(HttpStatus.NOT_FOUND, "No checkpoint yet", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail unavailable(LedgerUnavailableException ex) {
		log.warn("Audit log request failed: {}", ex.getMessage());
		return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Audit store unavailable",
				"The audit store is unavailable; try again shortly");
	}

	@ExceptionHandler
	ProblemDetail damaged(LogIntegrityException ex) {
		log.error("Audit log cannot answer: {}", ex.getMessage());
		return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Audit log damaged",
				ex.getMessage() + "; run GET /api/audit/verify/full");
	}

}
