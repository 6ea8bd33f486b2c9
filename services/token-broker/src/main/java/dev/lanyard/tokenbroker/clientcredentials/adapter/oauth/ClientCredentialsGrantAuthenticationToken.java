package dev.lanyard.tokenbroker.clientcredentials.adapter.oauth;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;

/**
 * A client-credentials token request, before it is checked, with the correlation id its
 * TokenIssued will carry.
 */
public final class ClientCredentialsGrantAuthenticationToken extends OAuth2ClientCredentialsAuthenticationToken {

	private final String correlationId;

	public ClientCredentialsGrantAuthenticationToken(OAuth2ClientCredentialsAuthenticationToken request,
			String correlationId) {
		super((Authentication) requireRequest(request).getPrincipal(), request.getScopes(),
				request.getAdditionalParameters());
		if (correlationId == null || correlationId.isBlank()) {
			throw new IllegalArgumentException("correlationId cannot be blank");
		}
		this.correlationId = correlationId;
	}

	public String getCorrelationId() {
		return this.correlationId;
	}

	private static OAuth2ClientCredentialsAuthenticationToken requireRequest(
			OAuth2ClientCredentialsAuthenticationToken request) {
		if (request == null) {
			throw new IllegalArgumentException("request cannot be null");
		}
		return request;
	}

}
