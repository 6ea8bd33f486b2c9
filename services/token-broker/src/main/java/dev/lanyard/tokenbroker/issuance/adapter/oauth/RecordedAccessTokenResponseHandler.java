package dev.lanyard.tokenbroker.issuance.adapter.oauth;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.lanyard.platform.web.CorrelationIds;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AccessTokenResponseAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * Writes the token response of a token whose grant has recorded it in the audit trail
 * (each grant's provider records before it hands over a
 * {@link RecordedAccessTokenAuthenticationToken}), with the correlation id its
 * TokenIssued carries. Fails closed: any other token is not written but answered with
 * {@code server_error}.
 */
public final class RecordedAccessTokenResponseHandler implements AuthenticationSuccessHandler {

	private final AuthenticationSuccessHandler delegate;

	public RecordedAccessTokenResponseHandler() {
		this(new OAuth2AccessTokenResponseAuthenticationSuccessHandler());
	}

	public RecordedAccessTokenResponseHandler(AuthenticationSuccessHandler delegate) {
		if (delegate == null) {
			throw new IllegalArgumentException("delegate cannot be null");
		}
		this.delegate = delegate;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		if (!(authentication instanceof RecordedAccessTokenAuthenticationToken recorded)) {
			throw new OAuth2AuthenticationException(
					new OAuth2Error(OAuth2ErrorCodes.SERVER_ERROR, "No audit record is defined for this token", null));
		}
		response.setHeader(CorrelationIds.HEADER, recorded.correlationId());
		this.delegate.onAuthenticationSuccess(request, response, authentication);
	}

}
