package dev.lanyard.tokenbroker.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 for a missing or unacceptable bearer token: the {@code WWW-Authenticate} header of
 * RFC 6750 plus a problem-details body. The detail never echoes the token.
 */
public final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

	private final ProblemDetailsWriter problems;

	public ProblemAuthenticationEntryPoint(ProblemDetailsWriter problems) {
		if (problems == null) {
			throw new IllegalArgumentException("problems cannot be null");
		}
		this.problems = problems;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException, ServletException {
		this.bearer.commence(request, response, authException);
		boolean tokenGiven = request.getHeader("Authorization") != null;
		this.problems.write(request, response, HttpStatus.UNAUTHORIZED,
				tokenGiven ? "The bearer token is invalid or expired" : "A bearer token is required");
	}

}
