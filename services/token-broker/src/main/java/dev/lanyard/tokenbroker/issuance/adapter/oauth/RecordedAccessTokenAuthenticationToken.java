package dev.lanyard.tokenbroker.issuance.adapter.oauth;

import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * An access token whose TokenIssued event its grant's use case has already recorded (and
 * Kafka acknowledged): the response handler writes it as it is.
 */
public final class RecordedAccessTokenAuthenticationToken extends OAuth2AccessTokenAuthenticationToken {

	private final String correlationId;

	public RecordedAccessTokenAuthenticationToken(RegisteredClient registeredClient, Authentication clientPrincipal,
			OAuth2AccessToken accessToken, Map<String, Object> additionalParameters, String correlationId) {
		super(registeredClient, clientPrincipal, accessToken, null, additionalParameters);
		if (correlationId == null || correlationId.isBlank()) {
			throw new IllegalArgumentException("correlationId cannot be blank");
		}
		this.correlationId = correlationId;
	}

	/** The correlation id the TokenIssued event carries. */
	public String correlationId() {
		return this.correlationId;
	}

}
