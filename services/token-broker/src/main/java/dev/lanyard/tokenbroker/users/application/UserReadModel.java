package dev.lanyard.tokenbroker.users.application;

import java.time.Instant;
import java.util.List;
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

	/**
	 * The users whose identity-provider unique id is this one (at most one, unless the
	 * provider reused it), each marked inactive as {@link #find} does.
	 */
	List<UserSnapshot> findByUniqueId(String uniqueId);

	/** The users with this email address, compared case-insensitively. */
	List<UserSnapshot> findByEmail(String email);

	/** The user with this username, as a list. */
	List<UserSnapshot> findByUsername(String username);

}
