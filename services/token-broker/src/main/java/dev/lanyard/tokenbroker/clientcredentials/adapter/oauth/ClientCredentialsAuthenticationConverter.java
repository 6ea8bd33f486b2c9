package dev.lanyard.tokenbroker.clientcredentials.adapter.oauth;

import jakarta.servlet.http.HttpServletRequest;

import dev.lanyard.platform.web.CorrelationIdFilter;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ClientCredentialsAuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads a client-credentials token request as the authorization server does, and adds the
 * request's correlation id; {@code null} for any other grant.
 */
public final class ClientCredentialsAuthenticationConverter implements AuthenticationConverter {

	private final AuthenticationConverter delegate = new OAuth2ClientCredentialsAuthenticationConverter();

	@Override
	public Authentication convert(HttpServletRequest request) {
		if (!(this.delegate.convert(request) instanceof OAuth2ClientCredentialsAuthenticationToken grant)) {
			return null;
		}
		return new ClientCredentialsGrantAuthenticationToken(grant, CorrelationIdFilter.of(request));
	}

}
