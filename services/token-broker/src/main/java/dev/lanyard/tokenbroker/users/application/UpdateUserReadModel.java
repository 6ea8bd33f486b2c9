package dev.lanyard.tokenbroker.users.application;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.tokenbroker.issuance.application.AuditTrailUnavailableException;
import dev.lanyard.tokenbroker.users.domain.UserSnapshot;

/**
 * Keeps the user read model in step with user-provisioning's events, wakes whoever waits
 * for a user, and tells the deactivation listeners (which drop the user's stored tokens).
 */
public final class UpdateUserReadModel {

	private static final Logger log = LoggerFactory.getLogger(UpdateUserReadModel.class);

	private final UserReadModel users;

	private final UserArrivals arrivals;

	private final List<UserDeactivationListener> deactivationListeners;

	public UpdateUserReadModel(UserReadModel users, UserArrivals arrivals) {
		this(users, arrivals, List.of());
	}

	public UpdateUserReadModel(UserReadModel users, UserArrivals arrivals,
			List<UserDeactivationListener> deactivationListeners) {
		if (users == null) {
			throw new IllegalArgumentException("users cannot be null");
		}
		if (arrivals == null) {
			throw new IllegalArgumentException("arrivals cannot be null");
		}
		if (deactivationListeners == null) {
			throw new IllegalArgumentException("deactivationListeners cannot be null");
		}
		this.users = users;
		this.arrivals = arrivals;
		this.deactivationListeners = List.copyOf(deactivationListeners);
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

	/**
	 * Records the deactivation and tells the listeners.
	 * @throws AuditTrailUnavailableException when a listener's record was not
	 * acknowledged in time; handling the same command again is safe
	 */
	public void deactivate(DeactivateUser command) throws AuditTrailUnavailableException {
		if (command == null) {
			throw new IllegalArgumentException("command cannot be null");
		}
		this.users.deactivate(command.userId(), command.deactivatedAt());
		log.info("User {} deactivated", command.userId());
		this.arrivals.signal();
		for (UserDeactivationListener listener : this.deactivationListeners) {
			listener.userDeactivated(command);
		}
	}

}
