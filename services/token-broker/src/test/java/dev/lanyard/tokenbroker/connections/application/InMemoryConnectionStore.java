package dev.lanyard.tokenbroker.connections.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.lanyard.tokenbroker.connections.domain.ConnectAttempt;
import dev.lanyard.tokenbroker.connections.domain.Connection;

/** A {@link ConnectionStore} in memory, for unit tests. */
public final class InMemoryConnectionStore implements ConnectionStore {

	final Map<String, ConnectAttempt> attempts = new ConcurrentHashMap<>();

	final Map<String, Connection> connections = new ConcurrentHashMap<>();

	@Override
	public void saveAttempt(ConnectAttempt attempt) {
		this.attempts.put(attempt.state(), attempt);
	}

	@Override
	public Optional<ConnectAttempt> takeAttempt(String state, String userId) {
		ConnectAttempt attempt = this.attempts.get(state);
		if (attempt == null || !attempt.userId().equals(userId)) {
			return Optional.empty();
		}
		return Optional.ofNullable(this.attempts.remove(state));
	}

	@Override
	public int purgeAttempts(Instant now) {
		int before = this.attempts.size();
		this.attempts.values().removeIf((a) -> a.expiresAt().isBefore(now));
		return before - this.attempts.size();
	}

	@Override
	public void save(Connection connection, Instant at) {
		this.connections.merge(key(connection.userId(), connection.integrationId()), connection,
				(old, fresh) -> new Connection(fresh.userId(), fresh.integrationId(), fresh.scopes(),
						fresh.refreshToken(), old.version() + 1, fresh.connectedAt()));
	}

	@Override
	public Optional<Connection> find(String userId, String integrationId) {
		return Optional.ofNullable(this.connections.get(key(userId, integrationId)));
	}

	@Override
	public List<Connection> findByUser(String userId) {
		return this.connections.values().stream().filter((c) -> c.userId().equals(userId)).toList();
	}

	@Override
	public boolean rotate(String userId, String integrationId, long expectedVersion, String refreshToken, Instant at) {
		Connection old = this.connections.get(key(userId, integrationId));
		if (old == null || old.version() != expectedVersion) {
			return false;
		}
		this.connections.put(key(userId, integrationId), new Connection(userId, integrationId, old.scopes(),
				refreshToken, old.version() + 1, old.connectedAt()));
		return true;
	}

	@Override
	public boolean delete(String userId, String integrationId) {
		return this.connections.remove(key(userId, integrationId)) != null;
	}

	@Override
	public boolean deleteIfVersion(String userId, String integrationId, long version) {
		Connection old = this.connections.get(key(userId, integrationId));
		return old != null && old.version() == version && this.connections.remove(key(userId, integrationId), old);
	}

	@Override
	public int deleteAllOf(String userId) {
		this.attempts.values().removeIf((a) -> a.userId().equals(userId));
		int before = this.connections.size();
		this.connections.values().removeIf((c) -> c.userId().equals(userId));
		return before - this.connections.size();
	}

	private static String key(String userId, String integrationId) {
		return userId + "\n" + integrationId;
	}

}
