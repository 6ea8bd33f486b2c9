package dev.lanyard.provisioning.shared.adapter.web;

import dev.lanyard.platform.web.CorrelationIdFilter;
import dev.lanyard.provisioning.shared.application.Actor;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The administrator behind a request (the bearer token's {@code sub}) and its correlation
 * id ({@link CorrelationIdFilter}).
 */
public final class Actors {

	private Actors() {
	}

	public static Actor of(Jwt jwt, HttpServletRequest request) {
		if (jwt == null || request == null) {
			throw new IllegalArgumentException("jwt and request cannot be null");
		}
		String subject = (jwt.getSubject() != null && !jwt.getSubject().isBlank()) ? jwt.getSubject() : "unknown";
		return new Actor(subject, CorrelationIdFilter.of(request));
	}

}
