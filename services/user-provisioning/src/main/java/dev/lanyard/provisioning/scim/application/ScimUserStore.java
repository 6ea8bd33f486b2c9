package dev.lanyard.provisioning.scim.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.lanyard.provisioning.directory.domain.User;
import dev.lanyard.provisioning.scim.domain.Filter;
import dev.lanyard.provisioning.scim.domain.ScimUser;

/** The SCIM attributes of users, beside the users themselves. */
public interface ScimUserStore {

	/** The SCIM attributes kept for a user, empty for a user no SCIM client wrote. */
	Optional<ScimUser> find(UUID userId);

	void save(UUID userId, ScimUser attributes, String client);

	/**
	 * Whether a visible user other than {@code except} has that userName (ignoring case):
	 * a SCIM userName, or the username of a user without one.
	 */
	boolean userNameTaken(String userName, UUID except);

	/** Removes what SCIM kept of a deleted user, so its userName is free again. */
	void forget(UUID userId);

	/** Binds a user to a sign-in identity. */
	void bindIdentity(UUID userId, String issuer, String uniqueId);

	/**
	 * Visible users matching {@code filter} ({@code null}: all), oldest first.
	 * @throws dev.lanyard.provisioning.scim.ScimException {@code invalidFilter} for a
	 * filter it cannot evaluate
	 */
	Page search(Filter filter, int offset, int count);

	/** A page of users with their SCIM attributes and the number of all matches. */
	record Page(List<Found> users, long total) {

		public Page {
			users = List.copyOf(users);
		}

	}

	/** A user and its SCIM attributes ({@code null} when no SCIM client wrote it). */
	record Found(User user, ScimUser attributes) {

	}

}
