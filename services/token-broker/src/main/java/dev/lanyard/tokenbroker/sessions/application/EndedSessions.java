package dev.lanyard.tokenbroker.sessions.application;

import java.time.Instant;

/**
 * Browser sessions their person signed out of: the user session and connections tokens
 * minted for one (its id is their {@code sid}) are refused from then on.
 */
public interface EndedSessions {

	/** Records the end; recording it again changes nothing. */
	void end(String sessionId, String userId, Instant endedAt);

	boolean ended(String sessionId);

}
