package dev.lanyard.tokenbroker.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 403 for a valid bearer token of the wrong kind or role, as a problem-details body. */
public final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

	private final BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();

	private final ProblemDetailsWriter problems;

	public ProblemAccessDeniedHandler(ProblemDetailsWriter problems) {
		if (problems == null) {
			throw new IllegalArgumentException("problems cannot be null");
		}
		this.problems = problems;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException, ServletException {
		this.bearer.handle(request, response, accessDeniedException);
		this.problems.write(request, response, HttpStatus.FORBIDDEN,
				"The bearer token may not be used for this request");
	}

}
