package dev.lanyard.tokenbroker.users.application;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
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
			return Optional.of(user.deactivated());
		}
		return Optional.of(user);
	}

	@Override
	public List<UserSnapshot> findByUniqueId(String uniqueId) {
		return findAll((user) -> uniqueId.equals(user.uniqueId()));
	}

	@Override
	public List<UserSnapshot> findByEmail(String email) {
		return findAll((user) -> user.email() != null
				&& user.email().toLowerCase(Locale.ROOT).equals(email.toLowerCase(Locale.ROOT)));
	}

	@Override
	public List<UserSnapshot> findByUsername(String username) {
		return findAll((user) -> username.equals(user.username()));
	}

	private List<UserSnapshot> findAll(Predicate<UserSnapshot> matches) {
		return this.users.values().stream().filter(matches).map((user) -> find(user.userId()).orElseThrow()).toList();
	}

}
