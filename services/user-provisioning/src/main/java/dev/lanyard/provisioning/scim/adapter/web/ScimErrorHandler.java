package dev.lanyard.provisioning.scim.adapter.web;

import java.util.Map;

import dev.lanyard.provisioning.directory.application.EventsUnavailableException;
import dev.lanyard.provisioning.scim.ScimError;
import dev.lanyard.provisioning.scim.ScimException;
import dev.lanyard.provisioning.shared.application.RequestRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every failure of a {@code /scim/v2} endpoint as a SCIM error (RFC 7644 §3.12), never a
 * stack trace; ahead of the admin API's problem details.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(basePackageClasses = ScimErrorHandler.class)
final class ScimErrorHandler {

	private static final Logger log = LoggerFactory.getLogger(ScimErrorHandler.class);

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> refused(ScimException ex) {
		return render(ex.error());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> rejected(RequestRejectedException ex) {
		return render(switch (ex.kind()) {
			case INVALID -> new ScimError(400, "invalidValue", ex.getMessage());
			case NOT_FOUND -> new ScimError(404, null, ex.getMessage());
			case CONFLICT -> new ScimError(409, "uniqueness", ex.getMessage());
		});
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> eventsUnavailable(EventsUnavailableException ex) {
		log.warn("SCIM change rolled back: {}", ex.getMessage());
		return render(new ScimError(503, null,
				"Kafka did not acknowledge the change in time, so nothing was changed; retry shortly"));
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> concurrentChange(DuplicateKeyException ex) {
		return render(new ScimError(409, "uniqueness",
				"A concurrent change created the same userName or name; nothing was changed"));
	}

	@ExceptionHandler({ DataAccessException.class, TransactionException.class })
	ResponseEntity<Map<String, Object>> storeUnavailable(RuntimeException ex) {
		log.warn("SCIM request failed on the database: {}", ex.getClass().getSimpleName());
		return render(new ScimError(503, null, "The user store is unavailable, so nothing was changed; retry shortly"));
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> unexpected(Exception ex) {
		if (ex instanceof ErrorResponse spring) {
			// Spring MVC's own refusals (unsupported method, missing header, …) keep
			// their status
			return render(new ScimError(spring.getStatusCode().value(), null, spring.getBody().getDetail()));
		}
		log.error("SCIM request failed", ex);
		return render(new ScimError(500, null, "The request failed; nothing was changed"));
	}

	static ResponseEntity<Map<String, Object>> render(ScimError error) {
		return ResponseEntity.status(error.status())
			.header(HttpHeaders.CONTENT_TYPE, ScimError.MEDIA_TYPE)
			.body(error.toJson());
	}

}
