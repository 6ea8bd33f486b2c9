package dev.lanyard.tokenbroker.custody.application;

import java.time.Instant;
import java.util.Optional;

import dev.lanyard.tokenbroker.custody.domain.UpstreamToken;

/** Where sessions' upstream tokens are kept, sealed, one per browser session. */
public interface UpstreamTokenStore {

	/** Keeps the token, replacing the session's earlier one. */
	void save(UpstreamToken token, Instant at);

	/**
	 * The session's token when it belongs to that user and has not expired at
	 * {@code now}; another user's or an expired one is never returned.
	 */
	Optional<UpstreamToken> find(String sessionId, String userId, Instant now);

	/** Deletes the session's token; whether there was one. */
	boolean deleteSession(String sessionId);

	/** Deletes every token of the user; how many. */
	int deleteAllOf(String userId);

	/** Deletes tokens expired before {@code now}; how many. */
	int purgeExpired(Instant now);

}
