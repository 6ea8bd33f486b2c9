package dev.lanyard.tokenbroker.sessions.adapter.oauth;

import java.util.Map;
import java.util.UUID;

import dev.lanyard.tokenbroker.clients.adapter.oauth.CachingRegisteredClientRepository;
import dev.lanyard.tokenbroker.sessions.application.UserTokenKind;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;

/** A request for a user session token, before it is checked. */
public final class UserSessionGrantAuthenticationToken extends OAuth2AuthorizationGrantAuthenticationToken {

	/** {@code urn:lanyard:params:oauth:grant-type:user-session}. */
	public static final AuthorizationGrantType USER_SESSION = CachingRegisteredClientRepository.USER_SESSION;

	private final String userId;

	private final Long userVersion;

	private final String sessionId;

	private final UUID loginEventId;

	private final UserTokenKind kind;

	private final String contentId;

	private final String correlationId;

	/**
	 * @param kind what the token is for
	 * @param contentId the content item the token is minted for, or {@code null} for the
	 * gateway's own kinds
	 */
	public UserSessionGrantAuthenticationToken(Authentication clientPrincipal, String userId, Long userVersion,
			String sessionId, UUID loginEventId, UserTokenKind kind, String contentId, String correlationId,
			Map<String, Object> additionalParameters) {
		super(USER_SESSION, clientPrincipal, additionalParameters);
		if (userId == null || userId.isBlank()) {
			throw new IllegalArgumentException("userId cannot be blank");
		}
		if (correlationId == null || correlationId.isBlank()) {
			throw new IllegalArgumentException("correlationId cannot be blank");
		}
		this.userId = userId;
		this.userVersion = userVersion;
		this.sessionId = sessionId;
		this.loginEventId = loginEventId;
		if (kind == null) {
			throw new IllegalArgumentException("kind cannot be null");
		}
		this.kind = kind;
		this.contentId = contentId;
		this.correlationId = correlationId;
	}

	public String getUserId() {
		return this.userId;
	}

	/** The user version the gateway knows, or {@code null}. */
	public Long getUserVersion() {
		return this.userVersion;
	}

	/** The gateway's browser session the token is minted in. */
	public String getSessionId() {
		return this.sessionId;
	}

	/** The sign-in that began the session. */
	public UUID getLoginEventId() {
		return this.loginEventId;
	}

	/** What the token is for. */
	public UserTokenKind getKind() {
		return this.kind;
	}

	/** The content item the token is for, or {@code null} for the gateway's own kinds. */
	public String getContentId() {
		return this.contentId;
	}

	public String getCorrelationId() {
		return this.correlationId;
	}

}
