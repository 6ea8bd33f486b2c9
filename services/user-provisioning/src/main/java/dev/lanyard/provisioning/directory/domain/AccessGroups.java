package dev.lanyard.provisioning.directory.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/**
 * The groups that grant access to Lanyard at all, when any are named: a user in none of
 * them after a membership change is deactivated (reason {@value #NO_ACCESS_GROUP}); a
 * user this rule deactivated is reactivated once back in one. A user deactivated for any
 * other reason (by an administrator, by SCIM) stays deactivated: the rule never undoes
 * what a person decided.
 *
 * @param keys group names, or unique ids when groups are matched by unique id; empty: no
 * such rule
 * @param matching how a group's key is read
 */
public record AccessGroups(Set<String> keys, GroupMatching matching) {

	/** The deactivation reason of this rule. */
	public static final String NO_ACCESS_GROUP = "no-access-group";

	public AccessGroups {
		if (keys == null || matching == null) {
			throw new IllegalArgumentException("keys and matching cannot be null");
		}
		keys = Set.copyOf(keys);
	}

	public static AccessGroups none() {
		return new AccessGroups(Set.of(), GroupMatching.NAME);
	}

	public boolean enforced() {
		return !this.keys.isEmpty();
	}

	public boolean grantAccess(Collection<Group> groups) {
		return !enforced() || groups.stream().anyMatch((group) -> this.keys.contains(group.key(this.matching)));
	}

	/** Whether the rule may let this inactive user back in. */
	public boolean mayReactivate(User user) {
		return enforced() && !user.active() && !user.deleted() && NO_ACCESS_GROUP.equals(user.deactivation().reason());
	}

	/**
	 * The user as the rule leaves them now that their groups are {@code groupsNow}: the
	 * same user, or its next version deactivated or reactivated.
	 */
	public User apply(User user, Collection<Group> groupsNow, Instant now) {
		if (user == null || groupsNow == null || now == null) {
			throw new IllegalArgumentException("user, groupsNow and now cannot be null");
		}
		if (!enforced() || user.deleted()) {
			return user;
		}
		boolean granted = grantAccess(groupsNow);
		if (user.active() && !granted) {
			return user.deactivated(NO_ACCESS_GROUP, now);
		}
		if (granted && mayReactivate(user)) {
			return user.reactivated(now);
		}
		return user;
	}

}
