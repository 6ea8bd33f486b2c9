package dev.lanyard.tokenbroker.sessions.application;

import java.time.Instant;
import java.util.UUID;

/**
 * Sign-ins as they were announced on Kafka. A stolen gateway client secret alone then
 * mints nothing: a user session token needs a sign-in the gateway announced for that
 * browser session and user-provisioning confirmed for that user.
 */
public interface SignIns {

	/**
	 * A UserLoggedIn: sign-in {@code loginEventId} began browser session
	 * {@code sessionId}.
	 */
	void announced(UUID loginEventId, String sessionId, Instant at);

	/** A UserChanged, which may answer a sign-in: its event id and user. */
	void answered(UUID answerEventId, String userId, Instant at);

	/**
	 * Whether sign-in {@code loginEventId} began {@code sessionId} at or after
	 * {@code notBefore} and was confirmed for {@code userId}.
	 */
	boolean confirms(UUID loginEventId, String sessionId, String userId, Instant notBefore);

}
