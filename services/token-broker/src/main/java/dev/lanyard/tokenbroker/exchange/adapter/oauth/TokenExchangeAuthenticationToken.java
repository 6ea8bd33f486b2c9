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

	private final String actorToken;

	private final String actorTokenType;

	public TokenExchangeAuthenticationToken(Authentication clientPrincipal, String subjectToken,
			String subjectTokenType, String audience, Set<String> scopes, String correlationId,
			Map<String, Object> additionalParameters) {
		this(clientPrincipal, subjectToken, subjectTokenType, audience, scopes, correlationId, additionalParameters,
				null, null);
	}

	private TokenExchangeAuthenticationToken(Authentication clientPrincipal, String subjectToken,
			String subjectTokenType, String audience, Set<String> scopes, String correlationId,
			Map<String, Object> additionalParameters, String actorToken, String actorTokenType) {
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
		this.actorToken = actorToken;
		this.actorTokenType = actorTokenType;
	}

	/** This request, with an actor token (RFC 8693 §2.1): a delegation. */
	public TokenExchangeAuthenticationToken withActorToken(String token, String tokenType) {
		if (token == null || token.isEmpty()) {
			throw new IllegalArgumentException("token cannot be empty");
		}
		if (tokenType == null || tokenType.isEmpty()) {
			throw new IllegalArgumentException("tokenType cannot be empty");
		}
		return new TokenExchangeAuthenticationToken((Authentication) getPrincipal(), this.subjectToken,
				this.subjectTokenType, this.audience, this.scopes, this.correlationId, getAdditionalParameters(), token,
				tokenType);
	}

	/** The actor token of a delegation, or {@code null}. */
	public String getActorToken() {
		return this.actorToken;
	}

	/** The actor token's type, or {@code null} without one. */
	public String getActorTokenType() {
		return this.actorTokenType;
	}

	public String getSubjectToken() {
		return this.subjectToken;
	}

	public String getSubjectTokenType() {
		return this.subjectTokenType;
	}

	/** The integration id; for a delegation, the delegated token's audience. */
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
				+ ", scopes=" + this.scopes + ", actorTokenType=" + this.actorTokenType + "]";
	}

}
