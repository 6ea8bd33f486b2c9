package dev.lanyard.platform.security;

import java.io.IOException;
import java.net.URI;

import dev.lanyard.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * A resource server's refusals as RFC 9457 problem details, for where security refuses a
 * request before any controller runs: 401 with the RFC 6750 {@code WWW-Authenticate:
 * Bearer} challenge, 403 with the reason a {@link TokenAccess} gave. One instance serves
 * as both the entry point and the access-denied handler. It writes with the application's
 * JSON mapper, which renders {@link ProblemDetail} as Spring MVC does.
 */
public final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

	static final String TOKEN_REQUIRED = "A bearer token is required";

	// Never the reason: it can quote the token's claims.
	static final String TOKEN_NOT_VALID = "The bearer token is not valid for this service";

	static final String NOT_ALLOWED = "The bearer token may not be used for this request";

	static final String KEYS_UNAVAILABLE = "The keys that check bearer tokens cannot be fetched right now; try again shortly";

	private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();

	private final BearerTokenAccessDeniedHandler bearerAccessDenied = new BearerTokenAccessDeniedHandler();

	private final JsonMapper json;

	public SecurityProblems(JsonMapper json) {
		if (json == null) {
			throw new IllegalArgumentException("json cannot be null");
		}
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		this.bearerEntryPoint.commence(request, response, ex);
		String detail = (ex instanceof OAuth2AuthenticationException) ? TOKEN_NOT_VALID : TOKEN_REQUIRED;
		write(request, response, HttpStatus.UNAUTHORIZED, detail);
	}

	/**
	 * A bearer token that could not be checked because the keys that sign tokens could
	 * not be fetched (token-broker's JWK set unreachable or slow): a {@code 503} the
	 * caller may retry, not a {@code 500}, and never the cause's text.
	 */
	public void keysUnavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setHeader(HttpHeaders.RETRY_AFTER, "1");
		write(request, response, HttpStatus.SERVICE_UNAVAILABLE, KEYS_UNAVAILABLE);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		this.bearerAccessDenied.handle(request, response, ex);
		write(request, response, HttpStatus.FORBIDDEN, TokenAccess.refusal(ex).orElse(NOT_ALLOWED));
	}

	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		ProblemDetail problem = Problems.of(status, null, detail);
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), problem);
	}

}
