package dev.lanyard.provisioning.web;

import java.util.regex.Pattern;

import dev.lanyard.platform.ids.Ids;
import dev.lanyard.provisioning.shared.application.Actor;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The administrator behind a request (the bearer token's {@code sub}) and its correlation
 * id: {@code X-Correlation-Id} when well-formed, else a new one.
 */
public final class Actors {

	/** The header carrying the correlation id. */
	public static final String CORRELATION_HEADER = "X-Correlation-Id";

	private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:/+=-]{1,128}");

	private Actors() {
	}

	public static Actor of(Jwt jwt, HttpServletRequest request) {
		if (jwt == null || request == null) {
			throw new IllegalArgumentException("jwt and request cannot be null");
		}
		String subject = (jwt.getSubject() != null && !jwt.getSubject().isBlank()) ? jwt.getSubject() : "unknown";
		return new Actor(subject, correlationId(request));
	}

	public static String correlationId(HttpServletRequest request) {
		String given = request.getHeader(CORRELATION_HEADER);
		return (given != null && WELL_FORMED.matcher(given).matches()) ? given : Ids.uuidString();
	}

}
