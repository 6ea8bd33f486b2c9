package dev.lanyard.gateway.signin.adapter.web;

import java.util.Set;

/** What a browser session holds beyond Spring Security's own attributes. */
public final class SessionAttributes {

	/** Lanyard's user id; present only when user-provisioning confirmed the user. */
	public static final String USER_ID = "lanyard.userId";

	/**
	 * The session's id as events name it. Not the cookie value, which is a bearer secret.
	 */
	public static final String SESSION_ID = "lanyard.sessionId";

	/** The user session token relayed to token-broker (minted on first need). */
	static final String RELAYED_TOKEN = "lanyard.userSessionToken";

	/** When {@link #RELAYED_TOKEN} expires. */
	static final String RELAYED_TOKEN_EXPIRES = "lanyard.userSessionTokenExpires";

	/**
	 * Kept in memory only, never in the session store: a token is not written to the
	 * database, and is minted again where it is missing.
	 */
	public static final Set<String> NOT_STORED = Set.of(RELAYED_TOKEN, RELAYED_TOKEN_EXPIRES);

	private SessionAttributes() {
	}

}
