package dev.lanyard.tokenbroker.sessions.application;

import java.time.Instant;

import dev.lanyard.tokenbroker.users.domain.UserSnapshot;

/** Signs user session tokens. */
public interface UserSessionTokenSigner {

	/** The signed token (a JWT) for the user with this id and lifetime. */
	String sign(UserSnapshot user, String tokenId, Instant issuedAt, Instant expiresAt);

	/** The audience the tokens carry. */
	String audience();

}
