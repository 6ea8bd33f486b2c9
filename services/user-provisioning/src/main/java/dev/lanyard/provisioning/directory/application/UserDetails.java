package dev.lanyard.provisioning.directory.application;

import java.util.List;

import dev.lanyard.provisioning.directory.domain.Group;
import dev.lanyard.provisioning.directory.domain.User;

/**
 * A user with its groups.
 *
 * @param user the user
 * @param groups its groups, ordered by name
 */
public record UserDetails(User user, List<Group> groups) {

	public UserDetails {
		if (user == null) {
			throw new IllegalArgumentException("user cannot be null");
		}
		groups = (groups != null) ? List.copyOf(groups) : List.of();
	}

}
