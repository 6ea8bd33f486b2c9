package dev.lanyard.tokenbroker.users.application;

import java.time.Duration;
import java.util.Optional;

import dev.lanyard.tokenbroker.users.domain.UserSnapshot;

/**
 * Finds a user in the read model, waiting a bounded time for them (or for the wanted
 * version) to arrive: the gateway learns of a user's change milliseconds before this
 * service may.
 */
public final class AwaitUser {

	/** How often waiters look again when no local change woke them. */
	static final Duration POLL_INTERVAL = Duration.ofMillis(25);

	private final UserReadModel users;

	private final UserArrivals arrivals;

	public AwaitUser(UserReadModel users, UserArrivals arrivals) {
		if (users == null) {
			throw new IllegalArgumentException("users cannot be null");
		}
		if (arrivals == null) {
			throw new IllegalArgumentException("arrivals cannot be null");
		}
		this.users = users;
		this.arrivals = arrivals;
	}

	/**
	 * The user at {@code minimumVersion} or later, waiting at most {@code timeout}; after
	 * that, whatever is known (possibly an older version, possibly nothing).
	 * @param minimumVersion the version wanted, or {@code null} for any
	 */
	public Optional<UserSnapshot> await(String userId, Long minimumVersion, Duration timeout)
			throws InterruptedException {
		if (userId == null || userId.isBlank()) {
			throw new IllegalArgumentException("userId cannot be blank");
		}
		if (timeout == null || timeout.isNegative()) {
			throw new IllegalArgumentException("timeout cannot be null or negative");
		}
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			long seen = this.arrivals.generation();
			Optional<UserSnapshot> found = this.users.find(userId);
			if (found.isPresent() && (minimumVersion == null || found.get().version() >= minimumVersion)) {
				return found;
			}
			long remaining = deadline - System.nanoTime();
			if (remaining <= 0) {
				return found;
			}
			this.arrivals.awaitAfter(seen, Math.min(remaining, POLL_INTERVAL.toNanos()));
		}
	}

}
