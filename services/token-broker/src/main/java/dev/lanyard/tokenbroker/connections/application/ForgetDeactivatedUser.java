package dev.lanyard.tokenbroker.connections.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.tokenbroker.users.application.UserDeactivationListener;

/**
 * A deactivated user loses every connection at once: refresh tokens, pending connect
 * attempts and the access tokens this instance holds. (Other instances hand nothing out
 * either: every exchange checks the stored connection and the user's standing first.)
 */
public final class ForgetDeactivatedUser implements UserDeactivationListener {

	private static final Logger log = LoggerFactory.getLogger(ForgetDeactivatedUser.class);

	private final ConnectionStore store;

	private final ViewerTokens tokens;

	public ForgetDeactivatedUser(ConnectionStore store, ViewerTokens tokens) {
		if (store == null) {
			throw new IllegalArgumentException("store cannot be null");
		}
		if (tokens == null) {
			throw new IllegalArgumentException("tokens cannot be null");
		}
		this.store = store;
		this.tokens = tokens;
	}

	@Override
	public void userDeactivated(String userId) {
		int deleted = this.store.deleteAllOf(userId);
		this.tokens.forgetAll(userId);
		if (deleted > 0) {
			log.info("Deleted {} connection(s) of deactivated user {}", deleted, userId);
		}
	}

}
