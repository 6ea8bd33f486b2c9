package dev.lanyard.gateway.signin.domain;

import java.util.List;

/**
 * A user as user-provisioning last described them (its UserChanged snapshot).
 *
 * @param userId Lanyard's id
 * @param uniqueId the provider's id, when known
 * @param username unique username
 * @param email or null
 * @param firstName or null
 * @param lastName or null
 * @param role viewer, publisher, administrator or auditor
 * @param locked whether an administrator locked the user
 * @param active false once deactivated
 * @param groupIds the groups the user is in
 * @param version increases with every change
 */
public record KnownUser(String userId, String uniqueId, String username, String email, String firstName,
		String lastName, String role, boolean locked, boolean active, List<String> groupIds, long version) {

	public KnownUser {
		if (userId == null || userId.isBlank()) {
			throw new IllegalArgumentException("userId cannot be blank");
		}
		groupIds = (groupIds != null) ? List.copyOf(groupIds) : List.of();
	}

	/** Whether the user may hold a session and get tokens. */
	public boolean mayUseLanyard() {
		return this.active && !this.locked;
	}

}
