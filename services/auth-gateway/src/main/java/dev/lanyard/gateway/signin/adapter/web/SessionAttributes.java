package dev.lanyard.gateway.signin.adapter.web;

import java.util.Set;

import dev.lanyard.gateway.signin.adapter.tokenbroker.UserSessionTokens;

import org.springframework.web.server.WebSession;

/** What a browser session holds beyond Spring Security's own attributes. */
public final class SessionAttributes {

	/** Lanyard's user id; present only when user-provisioning confirmed the user. */
	public static final String USER_ID = "lanyard.userId";

	/**
	 * The session's id as events name it. Not the cookie value, which is a bearer secret.
	 */
	public static final String SESSION_ID = "lanyard.sessionId";

	/**
	 * The accepted sign-in's UserLoggedIn event id: token-broker mints tokens for this
	 * session only when that sign-in was announced for this session and confirmed for
	 * this user on Kafka.
	 */
	public static final String LOGIN_EVENT_ID = "lanyard.loginEventId";

	/** The user session token relayed to token-broker (minted on first need). */
	static final String RELAYED_TOKEN = "lanyard.userSessionToken";

	/** When {@link #RELAYED_TOKEN} expires. */
	static final String RELAYED_TOKEN_EXPIRES = "lanyard.userSessionTokenExpires";

	/** The audit token relayed to audit's query API (minted on first need). */
	static final String AUDIT_TOKEN = "lanyard.auditToken";

	/** When {@link #AUDIT_TOKEN} expires. */
	static final String AUDIT_TOKEN_EXPIRES = "lanyard.auditTokenExpires";

	/**
	 * Kept in memory only, never in the session store: a token is not written to the
	 * database, and is minted again where it is missing.
	 */
	public static final Set<String> NOT_STORED = Set.of(RELAYED_TOKEN, RELAYED_TOKEN_EXPIRES, AUDIT_TOKEN,
			AUDIT_TOKEN_EXPIRES);

	private SessionAttributes() {
	}

	/** The session's id and sign-in, as token-broker wants them for a token. */
	public static UserSessionTokens.SignedInSession signedIn(WebSession session) {
		return new UserSessionTokens.SignedInSession(session.getAttribute(SESSION_ID),
				session.getAttribute(LOGIN_EVENT_ID));
	}

}
