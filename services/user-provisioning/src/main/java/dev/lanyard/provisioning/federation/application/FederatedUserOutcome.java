package dev.lanyard.provisioning.federation.application;

import dev.lanyard.provisioning.directory.domain.RefusalReason;
import dev.lanyard.provisioning.directory.domain.User;

/** What became of a federated person. */
public sealed interface FederatedUserOutcome {

	/**
	 * The person is a user: created now, or already bound to that identity (whatever the
	 * user's standing; the caller decides on it).
	 */
	record Admitted(User user, boolean created) implements FederatedUserOutcome {
	}

	/** A sign-in with these claims would be refused; nothing changed. */
	record Refused(RefusalReason reason, String message) implements FederatedUserOutcome {
	}

}
