package dev.lanyard.tokenbroker.connections.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.lanyard.tokenbroker.connections.domain.ConnectAttempt;
import dev.lanyard.tokenbroker.connections.domain.Connection;

/**
 * Where pending connect attempts and users' connections (their refresh tokens, encrypted)
 * are kept.
 */
public interface ConnectionStore {

	void saveAttempt(ConnectAttempt attempt);

	/**
	 * Removes and returns the attempt with that state when it belongs to the user: a
	 * state is used once, and another user's state is left alone.
	 */
	Optional<ConnectAttempt> takeAttempt(String state, String userId);

	/** Removes attempts that expired before {@code now}; how many. */
	int purgeAttempts(Instant now);

	/**
	 * Stores the connection, replacing the user's earlier one for the integration (a
	 * reconnection gets a higher version).
	 */
	void save(Connection connection, Instant at);

	Optional<Connection> find(String userId, String integrationId);

	List<Connection> findByUser(String userId);

	/**
	 * Stores a rotated refresh token, unless the connection changed since
	 * {@code expectedVersion} was read; whether it was stored.
	 */
	boolean rotate(String userId, String integrationId, long expectedVersion, String refreshToken, Instant at);

	boolean delete(String userId, String integrationId);

	/** Deletes the connection only if it is still at that version. */
	boolean deleteIfVersion(String userId, String integrationId, long version);

	/** Deletes every connection and pending attempt of the user; how many connections. */
	int deleteAllOf(String userId);

}
