package dev.lanyard.tokenbroker.sessions.application;

import java.time.Instant;
import java.util.List;

import dev.lanyard.tokenbroker.users.domain.UserSnapshot;

/** Signs user session tokens. */
public interface UserSessionTokenSigner {

	/**
	 * The signed token (a JWT) of this kind for the user with this id and lifetime; a
	 * {@link UserTokenKind#CONTENT} token is bound to {@code contentId}.
	 */
	String sign(UserSnapshot user, String tokenId, Instant issuedAt, Instant expiresAt, String sessionId,
			UserTokenKind kind, String contentId);

	/** The audiences a token of this kind carries. */
	List<String> audience(UserTokenKind kind);

}
