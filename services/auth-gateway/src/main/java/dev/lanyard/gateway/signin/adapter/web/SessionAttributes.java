package dev.lanyard.gateway.signin.adapter.web;

/** What a browser session holds once the sign-in completed. */
final class SessionAttributes {

	/** Lanyard's user id; present only when user-provisioning confirmed the user. */
	static final String USER_ID = "lanyard.userId";

	/**
	 * The session's id as events name it. Not the cookie value, which is a bearer secret.
	 */
	static final String SESSION_ID = "lanyard.sessionId";

	private SessionAttributes() {
	}

}
