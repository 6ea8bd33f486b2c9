package dev.lanyard.provisioning.scim.application;

import java.util.List;

import dev.lanyard.provisioning.directory.domain.Group;
import dev.lanyard.provisioning.directory.domain.User;
import dev.lanyard.provisioning.scim.domain.ScimUser;

/**
 * A user as a SCIM resource.
 *
 * @param user the user
 * @param attributes its SCIM attributes: those a client wrote, else derived from the user
 * @param groups its groups, {@code null} when not asked for
 */
public record ProvisionedUser(User user, ScimUser attributes, List<Group> groups) {

	public ProvisionedUser {
		if (user == null || attributes == null) {
			throw new IllegalArgumentException("user and attributes cannot be null");
		}
		groups = (groups != null) ? List.copyOf(groups) : null;
	}

	/** A user's attributes when no SCIM client wrote it: its username and profile. */
	public static ScimUser derived(User user, ScimUser written) {
		ScimUser base = (written != null) ? written : new ScimUser(user.username(), null, user.firstName(),
				user.lastName(), null, user.email(), null, null, null);
		// the profile lives in the user itself, whoever wrote it last
		return base.withEmail(user.email())
			.withGivenName(user.firstName())
			.withFamilyName(user.lastName())
			.withActive(user.active());
	}

}
