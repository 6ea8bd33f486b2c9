package dev.lanyard.tokenbroker.exchange.adapter.oauth;

import java.util.Map;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;

/**
 * An RFC 8693 token exchange request, before it is checked. The client principal is an
 * authenticated client or, when the caller did not authenticate, anonymous.
 */
public final class TokenExchangeAuthenticationToken extends OAuth2AuthorizationGrantAuthenticationToken {

	private final String subjectToken;

	private final String subjectTokenType;

	private final String audience;

	private final Set<String> scopes;

	private final String correlationId;

	public TokenExchangeAuthenticationToken(Authentication clientPrincipal, String subjectToken,
			String subjectTokenType, String audience, Set<String> scopes, String correlationId,
			Map<String, Object> additionalParameters) {
		super(AuthorizationGrantType.TOKEN_EXCHANGE, clientPrincipal, additionalParameters);
		if (subjectToken == null || subjectToken.isEmpty()) {
			throw new IllegalArgumentException("subjectToken cannot be empty");
		}
		if (subjectTokenType == null || subjectTokenType.isEmpty()) {
			throw new IllegalArgumentException("subjectTokenType cannot be empty");
		}
		if (audience == null || audience.isEmpty()) {
			throw new IllegalArgumentException("audience cannot be empty");
		}
		if (scopes == null) {
			throw new IllegalArgumentException("scopes cannot be null");
		}
		if (correlationId == null || correlationId.isBlank()) {
			throw new IllegalArgumentException("correlationId cannot be blank");
		}
		this.subjectToken = subjectToken;
		this.subjectTokenType = subjectTokenType;
		this.audience = audience;
		this.scopes = Set.copyOf(scopes);
		this.correlationId = correlationId;
	}

	public String getSubjectToken() {
		return this.subjectToken;
	}

	public String getSubjectTokenType() {
		return this.subjectTokenType;
	}

	/** The integration id. */
	public String getAudience() {
		return this.audience;
	}

	/** The scopes asked for; empty for all of the integration's. */
	public Set<String> getScopes() {
		return this.scopes;
	}

	public String getCorrelationId() {
		return this.correlationId;
	}

	/** The subject token is a credential: never part of a string form. */
	@Override
	public String toString() {
		return getClass().getSimpleName() + "[subjectTokenType=" + this.subjectTokenType + ", audience=" + this.audience
				+ ", scopes=" + this.scopes + "]";
	}

}
