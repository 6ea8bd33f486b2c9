package dev.lanyard.provisioning.directory.domain;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a user's role comes from: set by an administrator ({@link Source#NONE}), or
 * mapped at each sign-in from the role claim's values ({@link Source#CLAIM}) or from the
 * keys of the user's groups ({@link Source#GROUPS}: names, or unique ids when groups are
 * matched by unique id). When several values match, the most privileged role wins, or the
 * least privileged one when {@code restrictive} (auditor ranks lowest: a user matched to
 * auditor and to another role gets the other role, or auditor when restrictive); when
 * none matches, the default role.
 *
 * @param source where roles come from
 * @param values per role, the claim values or group keys that give it; for the claim, the
 * role names themselves always count
 * @param restrictive least privileged wins
 * @param defaultRole the role of a new user, and of a mapped user nothing matches
 */
public record RoleMapping(Source source, Map<Role, Set<String>> values, boolean restrictive, Role defaultRole) {

	public RoleMapping {
		if (source == null) {
			throw new IllegalArgumentException("source cannot be null");
		}
		if (defaultRole == null || !defaultRole.defaultable()) {
			throw new IllegalArgumentException("defaultRole must be viewer, publisher or administrator");
		}
		EnumMap<Role, Set<String>> copy = new EnumMap<>(Role.class);
		if (values != null) {
			values.forEach((role, keys) -> copy.put(role, (keys != null) ? Set.copyOf(keys) : Set.of()));
		}
		values = Map.copyOf(copy);
	}

	public static RoleMapping none(Role defaultRole) {
		return new RoleMapping(Source.NONE, Map.of(), false, defaultRole);
	}

	/** Whether sign-ins set the role, which makes it not editable through the API. */
	public boolean mapped() {
		return this.source != Source.NONE;
	}

	/**
	 * The role from a sign-in's role claim values ({@code null} when the claim was
	 * absent).
	 */
	public Role fromClaim(Collection<String> claimValues) {
		requireSource(Source.CLAIM);
		Role best = null;
		for (String value : (claimValues != null) ? claimValues : Set.<String>of()) {
			Optional<Role> named = Role.of(value);
			best = pick(best, named.orElse(null));
			for (Map.Entry<Role, Set<String>> entry : this.values.entrySet()) {
				if (entry.getValue().contains(value)) {
					best = pick(best, entry.getKey());
				}
			}
		}
		return (best != null) ? best : this.defaultRole;
	}

	/** The role from the keys of the groups the user is a member of. */
	public Role fromGroups(Collection<String> groupKeys) {
		requireSource(Source.GROUPS);
		Role best = null;
		for (String key : (groupKeys != null) ? groupKeys : Set.<String>of()) {
			for (Map.Entry<Role, Set<String>> entry : this.values.entrySet()) {
				if (entry.getValue().contains(key)) {
					best = pick(best, entry.getKey());
				}
			}
		}
		return (best != null) ? best : this.defaultRole;
	}

	private Role pick(Role current, Role candidate) {
		if (candidate == null) {
			return current;
		}
		if (current == null) {
			return candidate;
		}
		boolean candidateWins = this.restrictive ? current.morePrivilegedThan(candidate)
				: candidate.morePrivilegedThan(current);
		return candidateWins ? candidate : current;
	}

	private void requireSource(Source expected) {
		if (this.source != expected) {
			throw new IllegalStateException(
					"Roles are not mapped from " + expected.name().toLowerCase(java.util.Locale.ROOT) + " here");
		}
	}

	/** Where roles come from. */
	public enum Source {

		NONE, CLAIM, GROUPS

	}

}
