package dev.lanyard.tokenbroker.federation.adapter.oauth;

import java.util.Map;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;

/** A request to exchange a federation token, before it is checked. */
public final class FederationGrantAuthenticationToken extends OAuth2AuthorizationGrantAuthenticationToken {

	private final String presentedToken;

	private final String integrationId;

	private final Set<String> scopes;

	private final String correlationId;

	/**
	 * @param presentedToken the {@code subject_token} or {@code assertion}
	 * @param integrationId the federation integration named in {@code audience}, or
	 * {@code null}
	 */
	public FederationGrantAuthenticationToken(AuthorizationGrantType grantType, Authentication clientPrincipal,
			String presentedToken, String integrationId, Set<String> scopes, String correlationId) {
		super(grantType, clientPrincipal, Map.of());
		if (presentedToken == null || presentedToken.isEmpty()) {
			throw new IllegalArgumentException("presentedToken cannot be empty");
		}
		if (correlationId == null || correlationId.isBlank()) {
			throw new IllegalArgumentException("correlationId cannot be blank");
		}
		this.presentedToken = presentedToken;
		this.integrationId = integrationId;
		this.scopes = (scopes != null) ? Set.copyOf(scopes) : Set.of();
		this.correlationId = correlationId;
	}

	public String getPresentedToken() {
		return this.presentedToken;
	}

	public String getIntegrationId() {
		return this.integrationId;
	}

	public Set<String> getScopes() {
		return this.scopes;
	}

	public String getCorrelationId() {
		return this.correlationId;
	}

	@Override
	public Object getCredentials() {
		return "";
	}

}
