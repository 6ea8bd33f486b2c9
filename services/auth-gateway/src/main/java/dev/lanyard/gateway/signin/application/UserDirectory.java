package dev.lanyard.gateway.signin.application;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.lanyard.gateway.signin.domain.KnownUser;

/**
 * The gateway's read model of users and group names, fed by user-provisioning's events. A
 * snapshot older than the one held is ignored, so redelivery and reordering across
 * restarts change nothing.
 */
public final class UserDirectory {

	private final Map<String, KnownUser> users = new ConcurrentHashMap<>();

	private final Map<String, String> groupNames = new ConcurrentHashMap<>();

	public void record(KnownUser user) {
		if (user == null) {
			throw new IllegalArgumentException("user cannot be null");
		}
		this.users.merge(user.userId(), user,
				(held, offered) -> (offered.version() >= held.version()) ? offered : held);
	}

	/**
	 * Marks a known user deactivated (until a later snapshot says otherwise); an unknown
	 * one stays unknown.
	 */
	public void deactivate(String userId) {
		if (userId == null) {
			throw new IllegalArgumentException("userId cannot be null");
		}
		this.users.computeIfPresent(userId, (id, u) -> new KnownUser(u.userId(), u.uniqueId(), u.username(), u.email(),
				u.firstName(), u.lastName(), u.role(), u.locked(), false, u.groupIds(), u.version()));
	}

	public void recordGroupName(String groupId, String name) {
		if (groupId == null || name == null) {
			throw new IllegalArgumentException("groupId and name cannot be null");
		}
		this.groupNames.put(groupId, name);
	}

	public Optional<KnownUser> find(String userId) {
		return (userId != null) ? Optional.ofNullable(this.users.get(userId)) : Optional.empty();
	}

	/** The group's name as last seen, or its id when no name was seen yet. */
	public String groupName(String groupId) {
		return this.groupNames.getOrDefault(groupId, groupId);
	}

}
