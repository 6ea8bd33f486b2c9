package dev.lanyard.tokenbroker.custody.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.tokenbroker.sessions.application.SessionEndListener;
import dev.lanyard.tokenbroker.users.application.DeactivateUser;
import dev.lanyard.tokenbroker.users.application.UserDeactivationListener;

/**
 * Upstream tokens go when what they were kept for ends: the browser session (sign-out) or
 * the user (deactivation). Every use also checks the session and the user's standing, so
 * a token whose deletion is still on its way is not used either.
 */
public final class DropUpstreamTokens implements UserDeactivationListener, SessionEndListener {

	private static final Logger log = LoggerFactory.getLogger(DropUpstreamTokens.class);

	private final UpstreamTokenStore store;

	public DropUpstreamTokens(UpstreamTokenStore store) {
		if (store == null) {
			throw new IllegalArgumentException("store cannot be null");
		}
		this.store = store;
	}

	@Override
	public void userDeactivated(DeactivateUser deactivation) {
		int deleted = this.store.deleteAllOf(deactivation.userId());
		if (deleted > 0) {
			log.info("Dropped {} upstream token(s) of deactivated user {}", deleted, deactivation.userId());
		}
	}

	@Override
	public void sessionEnded(String sessionId, String userId) {
		if (this.store.deleteSession(sessionId)) {
			log.info("Dropped the upstream token of user {} for ended session {}", userId, sessionId);
		}
	}

}
