package dev.lanyard.provisioning.scim.auth.adapter.web;

import java.io.IOException;

import dev.lanyard.provisioning.scim.ScimError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The {@code /scim/v2} chain's refusals as SCIM errors: 401 with the RFC 6750
 * {@code WWW-Authenticate: Bearer} challenge, 403, and 503 when the client store could
 * not be asked (an identity provider told 401 may disable the integration; 503 makes it
 * retry). The detail never quotes the presented secret.
 */
final class ScimRefusals implements AuthenticationEntryPoint, AccessDeniedHandler {

	static final String SECRET_REQUIRED = "A SCIM client's bearer secret is required";

	static final String SECRET_NOT_VALID = "The bearer secret is not a valid SCIM client secret";

	static final String REALM = "Bearer realm=\"lanyard-scim\"";

	private static final Logger log = LoggerFactory.getLogger(ScimRefusals.class);

	private final JsonMapper json;

	ScimRefusals(JsonMapper json) {
		if (json == null) {
			throw new IllegalArgumentException("json cannot be null");
		}
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		if (ex instanceof AuthenticationServiceException) {
			log.warn("SCIM request to {} not authenticated: the client store is unavailable ({})",
					request.getRequestURI(), (ex.getCause() != null) ? ex.getCause().getClass().getSimpleName() : "");
			write(response, new ScimError(HttpStatus.SERVICE_UNAVAILABLE.value(), null,
					"SCIM clients cannot be checked right now; retry shortly"));
			return;
		}
		boolean presented = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
		if (presented) {
			// so an administrator can tell a provider still sending a rotated or revoked
			// secret; never the secret itself
			log.info("SCIM request {} {} from {} refused: not a valid SCIM client secret", request.getMethod(),
					request.getRequestURI(), request.getRemoteAddr());
		}
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, presented ? REALM + ", error=\"invalid_token\"" : REALM);
		write(response,
				new ScimError(HttpStatus.UNAUTHORIZED.value(), null, presented ? SECRET_NOT_VALID : SECRET_REQUIRED));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, REALM + ", error=\"insufficient_scope\"");
		write(response, new ScimError(HttpStatus.FORBIDDEN.value(), null,
				"Only an identity provider's SCIM client may use /scim/v2"));
	}

	private void write(HttpServletResponse response, ScimError error) throws IOException {
		response.setStatus(error.status());
		response.setContentType(ScimError.MEDIA_TYPE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), error.toJson());
	}

}
