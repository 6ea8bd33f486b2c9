package dev.lanyard.tokenbroker.users.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.tokenbroker.users.domain.UserSnapshot;

/**
 * Keeps the user read model in step with user-provisioning's events and wakes whoever
 * waits for a user.
 */
public final class UpdateUserReadModel {

	private static final Logger log = LoggerFactory.getLogger(UpdateUserReadModel.class);

	private final UserReadModel users;

	private final UserArrivals arrivals;

	public UpdateUserReadModel(UserReadModel users, UserArrivals arrivals) {
		if (users == null) {
			throw new IllegalArgumentException("users cannot be null");
		}
		if (arrivals == null) {
			throw new IllegalArgumentException("arrivals cannot be null");
		}
		this.users = users;
		this.arrivals = arrivals;
	}

	public void apply(UserSnapshot snapshot) {
		if (snapshot == null) {
			throw new IllegalArgumentException("snapshot cannot be null");
		}
		if (this.users.apply(snapshot)) {
			log.debug("User {} now at version {}", snapshot.userId(), snapshot.version());
			this.arrivals.signal();
		}
		else {
			log.debug("Ignored version {} of user {}: a later one is known", snapshot.version(), snapshot.userId());
		}
	}

	public void deactivate(DeactivateUser command) {
		if (command == null) {
			throw new IllegalArgumentException("command cannot be null");
		}
		this.users.deactivate(command.userId(), command.deactivatedAt());
		log.info("User {} deactivated", command.userId());
		this.arrivals.signal();
	}

}
