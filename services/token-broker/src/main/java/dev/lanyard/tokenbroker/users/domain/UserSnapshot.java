package dev.lanyard.tokenbroker.users.domain;

import java.time.Instant;
import java.util.Set;

/**
 * A user as user-provisioning last described them (a UserChanged snapshot).
 *
 * @param userId the user's id
 * @param username the username
 * @param role viewer, publisher, administrator or auditor
 * @param locked whether an administrator locked the user
 * @param active whether the user may sign in at all
 * @param groupIds the ids of the groups the user is a member of
 * @param version increases with every change of the user
 * @param changedAt when the snapshot was taken
 * @param uniqueId the user's unique id at the identity provider, or {@code null}
 * @param email the user's email address, or {@code null}
 */
public record UserSnapshot(String userId, String username, String role, boolean locked, boolean active,
		Set<String> groupIds, long version, Instant changedAt, String uniqueId, String email) {

	/** A snapshot without the identity provider's unique id and email. */
	public UserSnapshot(String userId, String username, String role, boolean locked, boolean active,
			Set<String> groupIds, long version, Instant changedAt) {
		this(userId, username, role, locked, active, groupIds, version, changedAt, null, null);
	}

	public UserSnapshot {
		if (userId == null || userId.isBlank()) {
			throw new IllegalArgumentException("userId cannot be blank");
		}
		if (username == null || username.isBlank()) {
			throw new IllegalArgumentException("username cannot be blank");
		}
		if (role == null || role.isBlank()) {
			throw new IllegalArgumentException("role cannot be blank");
		}
		if (groupIds == null) {
			throw new IllegalArgumentException("groupIds cannot be null");
		}
		if (version < 0) {
			throw new IllegalArgumentException("version cannot be negative");
		}
		if (changedAt == null) {
			throw new IllegalArgumentException("changedAt cannot be null");
		}
		groupIds = Set.copyOf(groupIds);
	}

	/** This snapshot, marked inactive. */
	public UserSnapshot deactivated() {
		return new UserSnapshot(this.userId, this.username, this.role, this.locked, false, this.groupIds, this.version,
				this.changedAt, this.uniqueId, this.email);
	}

	/** What stands between this user and a credential, if anything. */
	public Standing standing() {
		if (this.locked) {
			return Standing.LOCKED;
		}
		return this.active ? Standing.GOOD : Standing.INACTIVE;
	}

	/** Whether the user may receive credentials. */
	public enum Standing {

		GOOD, LOCKED, INACTIVE

	}

}
