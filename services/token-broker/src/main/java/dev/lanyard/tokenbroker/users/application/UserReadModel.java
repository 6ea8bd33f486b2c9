package dev.lanyard.tokenbroker.users.application;

import java.time.Instant;
import java.util.Optional;

import dev.lanyard.tokenbroker.users.domain.UserSnapshot;

/** Where token-broker keeps what it knows of users. */
public interface UserReadModel {

	/**
	 * Stores the snapshot unless a snapshot of the same or a later version is stored;
	 * {@code true} when stored.
	 */
	boolean apply(UserSnapshot snapshot);

	/** Records that the user was deactivated at that moment. */
	void deactivate(String userId, Instant deactivatedAt);

	/**
	 * The user's latest snapshot, marked inactive when a deactivation came after it;
	 * empty when unknown.
	 */
	Optional<UserSnapshot> find(String userId);

}
