package dev.lanyard.gateway.signin.application;

import java.time.Instant;
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

	private final Map<String, Held> users = new ConcurrentHashMap<>();

	private final Map<String, String> groupNames = new ConcurrentHashMap<>();

	public void record(KnownUser user) {
		record(user, null);
	}

	/**
	 * Keeps the snapshot unless a later version is held.
	 * @param changedAt when user-provisioning took it (UserChanged.occurredAt), or
	 * {@code null} when unknown
	 */
	public void record(KnownUser user, Instant changedAt) {
		if (user == null) {
			throw new IllegalArgumentException("user cannot be null");
		}
		this.users.merge(user.userId(), new Held(user, changedAt),
				(held, offered) -> (offered.user().version() >= held.user().version()) ? offered : held);
	}

	/**
	 * Marks a known user deactivated (until a later snapshot says otherwise); an unknown
	 * one stays unknown. A deactivation older than the snapshot held changes nothing: a
	 * gateway reads every topic from the start at each restart, in no order across
	 * topics, so a deactivation a reactivation already undid can arrive after it.
	 * @param at when the user was deactivated (UserDeactivated.occurredAt)
	 * @return whether the deactivation stands (the user's sessions are to end): false
	 * only when a snapshot taken after it is held
	 */
	public boolean deactivate(String userId, Instant at) {
		if (userId == null || at == null) {
			throw new IllegalArgumentException("userId and at cannot be null");
		}
		Held after = this.users.computeIfPresent(userId,
				(id, held) -> superseded(held, at) ? held : new Held(inactive(held.user()), held.changedAt()));
		return after == null || !superseded(after, at);
	}

	private static boolean superseded(Held held, Instant deactivatedAt) {
		return held.changedAt() != null && held.changedAt().isAfter(deactivatedAt);
	}

	private static KnownUser inactive(KnownUser u) {
		return new KnownUser(u.userId(), u.uniqueId(), u.username(), u.email(), u.firstName(), u.lastName(), u.role(),
				u.locked(), false, u.groupIds(), u.version());
	}

	public void recordGroupName(String groupId, String name) {
		if (groupId == null || name == null) {
			throw new IllegalArgumentException("groupId and name cannot be null");
		}
		this.groupNames.put(groupId, name);
	}

	public Optional<KnownUser> find(String userId) {
		return (userId != null) ? Optional.ofNullable(this.users.get(userId)).map(Held::user) : Optional.empty();
	}

	/** The group's name as last seen, or its id when no name was seen yet. */
	public String groupName(String groupId) {
		return this.groupNames.getOrDefault(groupId, groupId);
	}

	/** A snapshot and when it was taken ({@code null}: unknown). */
	private record Held(KnownUser user, Instant changedAt) {

	}

}
