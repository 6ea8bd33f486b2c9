package dev.lanyard.provisioning.signin.application;

import java.util.List;
import java.util.UUID;

import dev.lanyard.provisioning.directory.domain.RefusalReason;
import dev.lanyard.provisioning.directory.domain.Group;
import dev.lanyard.provisioning.directory.domain.User;

/** What became of a sign-in. */
public sealed interface SignInOutcome {

	/**
	 * The user is registered or updated.
	 *
	 * @param user the user now
	 * @param registered whether this sign-in created the user
	 * @param groups the user's groups now
	 * @param added memberships added
	 * @param removed memberships removed
	 */
	record Accepted(User user, boolean registered, List<Group> groups, List<Group> added,
			List<Group> removed) implements SignInOutcome {
	}

	/**
	 * The sign-in is refused; nothing changed.
	 *
	 * @param userId the existing user, {@code null} when there is none
	 */
	record Refused(RefusalReason reason, String message, UUID userId) implements SignInOutcome {
	}

	/**
	 * The sign-in synced the user's groups, which left them in no group that grants
	 * access: the sign-in is refused, the memberships are stored and the user is (or
	 * stays) deactivated.
	 *
	 * @param user the user now, inactive
	 * @param deactivated whether this sign-in deactivated the user
	 * @param groups the user's groups now
	 * @param added memberships added
	 * @param removed memberships removed
	 * @param message what the person is told
	 */
	record Deactivated(User user, boolean deactivated, List<Group> groups, List<Group> added, List<Group> removed,
			String message) implements SignInOutcome {
	}

	/** The login event had been applied before; nothing was done again. */
	record AlreadyApplied() implements SignInOutcome {
	}

}
