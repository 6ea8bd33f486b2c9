package dev.lanyard.tokenbroker.sessions.application;

import java.time.Instant;
import java.util.List;

import dev.lanyard.tokenbroker.users.domain.UserSnapshot;

/** Signs user session tokens. */
public interface UserSessionTokenSigner {

	/**
	 * The signed token (a JWT) for the user with this id and lifetime: a user session
	 * token bound to {@code contentId}, or, when it is {@code null}, a connections token.
	 */
	String sign(UserSnapshot user, String tokenId, Instant issuedAt, Instant expiresAt, String sessionId,
			String contentId);

	/** The audiences a token for {@code contentId} (or a connections token) carries. */
	List<String> audience(String contentId);

}
