package dev.lanyard.tokenbroker.custody.application;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.lanyard.tokenbroker.custody.domain.UpstreamToken;

/** The store's rules in memory: bound to session and user, never expired. */
public final class InMemoryUpstreamTokenStore implements UpstreamTokenStore {

	private final Map<String, UpstreamToken> tokens = new ConcurrentHashMap<>();

	@Override
	public void save(UpstreamToken token, Instant at) {
		this.tokens.put(token.sessionId(), token);
		purgeExpired(at);
	}

	@Override
	public Optional<UpstreamToken> find(String sessionId, String userId, Instant now) {
		return Optional.ofNullable(this.tokens.get(sessionId)).filter((t) -> t.usableBy(sessionId, userId, now));
	}

	@Override
	public boolean deleteSession(String sessionId) {
		return this.tokens.remove(sessionId) != null;
	}

	@Override
	public int deleteAllOf(String userId) {
		int before = this.tokens.size();
		this.tokens.values().removeIf((t) -> t.userId().equals(userId));
		return before - this.tokens.size();
	}

	@Override
	public int purgeExpired(Instant now) {
		int before = this.tokens.size();
		this.tokens.values().removeIf((t) -> !now.isBefore(t.expiresAt()));
		return before - this.tokens.size();
	}

	public int size() {
		return this.tokens.size();
	}

}
