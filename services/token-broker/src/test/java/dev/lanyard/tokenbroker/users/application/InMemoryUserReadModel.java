package dev.lanyard.tokenbroker.users.application;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.lanyard.tokenbroker.users.domain.UserSnapshot;

/** The user read model in memory, for unit tests. */
public final class InMemoryUserReadModel implements UserReadModel {

	private final Map<String, UserSnapshot> users = new ConcurrentHashMap<>();

	private final Map<String, Instant> deactivations = new ConcurrentHashMap<>();

	@Override
	public boolean apply(UserSnapshot snapshot) {
		UserSnapshot stored = this.users.get(snapshot.userId());
		if (stored != null && stored.version() >= snapshot.version()) {
			return false;
		}
		this.users.put(snapshot.userId(), snapshot);
		return true;
	}

	@Override
	public void deactivate(String userId, Instant deactivatedAt) {
		this.deactivations.merge(userId, deactivatedAt, (a, b) -> a.isAfter(b) ? a : b);
	}

	@Override
	public Optional<UserSnapshot> find(String userId) {
		UserSnapshot user = this.users.get(userId);
		if (user == null) {
			return Optional.empty();
		}
		Instant deactivated = this.deactivations.get(userId);
		if (deactivated != null && !deactivated.isBefore(user.changedAt())) {
			return Optional.of(new UserSnapshot(user.userId(), user.username(), user.role(), user.locked(), false,
					user.groupIds(), user.version(), user.changedAt()));
		}
		return Optional.of(user);
	}

}
