package dev.lanyard.platform.web;

import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * What every servlet service's API answers when a request fails, as RFC 9457 problem
 * details ({@link Problems}): Spring MVC's own failures (unknown path, wrong method,
 * missing or mistyped parameter, validation) as {@link ResponseEntityExceptionHandler}
 * renders them; a body that is not JSON, or has a value of the wrong type, as 400 naming
 * the field but never quoting the body (it may hold a secret); anything unexpected as 500
 * with neither message nor stack trace. A service extends it with its own exception →
 * status mappings in a {@code @RestControllerAdvice}.
 */
public abstract class ApiProblemHandler extends ResponseEntityExceptionHandler {

	private final Logger log = LoggerFactory.getLogger(getClass());

	@ExceptionHandler
	public ProblemDetail unexpected(RuntimeException ex, HttpServletRequest request) {
		// the stack trace goes to the log only; the caller quotes the correlation id
		this.log.error("{} {} failed unexpectedly", request.getMethod(), request.getRequestURI(), ex);
		return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "The request could not be completed");
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String field = fieldOf(ex);
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Invalid request body",
				(field != null) ? field + ": has the wrong type" : "The request body is not valid JSON");
		if (field != null) {
			problem.setProperty("field", field);
		}
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	private static String fieldOf(HttpMessageNotReadableException ex) {
		if (!(ex.getCause() instanceof JacksonException jackson) || jackson.getPath().isEmpty()) {
			return null;
		}
		return jackson.getPath()
			.stream()
			.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
					: Integer.toString(reference.getIndex()))
			.collect(Collectors.joining("."));
	}

}
