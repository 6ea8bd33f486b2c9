package dev.lanyard.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * How Lanyard's RFC 9457 problem details read, on both web stacks: {@code type}
 * {@code about:blank} (the status says it all), a short {@code title}, a {@code detail}
 * written for the caller that never quotes a request body, token or secret, the path as
 * {@code instance}, and the correlation id where the stack has one.
 */
public final class Problems {

	/** The extension member carrying the request's correlation id. */
	public static final String CORRELATION_ID = "correlationId";

	private Problems() {
	}

	/** A problem with its own title ("Invalid field", "Audit store unavailable"). */
	public static ProblemDetail of(HttpStatusCode status, String title, String detail) {
		if (status == null) {
			throw new IllegalArgumentException("status cannot be null");
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle((title != null) ? title : title(status));
		return problem;
	}

	/**
	 * As {@link #of(HttpStatusCode, String, String)}, with extension members ("field",
	 * "parameter") that name what was wrong without quoting it.
	 */
	public static ProblemDetail of(HttpStatusCode status, String title, String detail, Map<String, Object> members) {
		if (members == null) {
			throw new IllegalArgumentException("members cannot be null");
		}
		ProblemDetail problem = of(status, title, detail);
		members.forEach(problem::setProperty);
		return problem;
	}

	/** The title of a status without one of its own: its reason phrase. */
	public static String title(HttpStatusCode status) {
		if (status == null) {
			throw new IllegalArgumentException("status cannot be null");
		}
		HttpStatus known = HttpStatus.resolve(status.value());
		return (known != null) ? known.getReasonPhrase() : "Error";
	}

	/**
	 * The members of a problem in their usual order, for writers that serialize a map
	 * rather than a {@link ProblemDetail} (WebFlux handlers outside Spring's rendering).
	 * @param correlationId left out when {@code null}
	 */
	public static Map<String, Object> members(HttpStatusCode status, String detail, String instance,
			String correlationId) {
		if (status == null) {
			throw new IllegalArgumentException("status cannot be null");
		}
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", title(status));
		problem.put("status", status.value());
		if (detail != null) {
			problem.put("detail", detail);
		}
		if (instance != null) {
			problem.put("instance", instance);
		}
		if (correlationId != null) {
			problem.put(CORRELATION_ID, correlationId);
		}
		return problem;
	}

}
