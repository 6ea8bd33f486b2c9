package dev.lanyard.provisioning.directory.application;

import java.util.List;

import dev.lanyard.provisioning.directory.domain.User;

/**
 * One page of users.
 *
 * @param users the users of the page
 * @param next where the next page starts, {@code null} on the last page
 */
public record UserPage(List<User> users, UserStore.UserCursor next) {

	public UserPage {
		users = (users != null) ? List.copyOf(users) : List.of();
	}

}
