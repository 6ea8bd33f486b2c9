package dev.lanyard.provisioning.directory.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Makes a user's memberships equal to a sign-in's groups claim. Auto-provisioning works
 * with names only (a unique id alone says nothing about the group's name) and skips names
 * longer than {@link Group#MAX_NAME}.
 *
 * @param provisioning whether unknown values create groups
 * @param matching what claim values are compared with
 */
public record GroupSync(GroupProvisioning provisioning, GroupMatching matching) {

	public GroupSync {
		if (provisioning == null) {
			throw new IllegalArgumentException("provisioning cannot be null");
		}
		if (matching == null) {
			throw new IllegalArgumentException("matching cannot be null");
		}
		if (provisioning == GroupProvisioning.AUTO && matching == GroupMatching.UNIQUE_ID) {
			throw new IllegalArgumentException("Auto-provisioning cannot be combined with matching by unique id");
		}
	}

	/**
	 * What to change.
	 * @param claimed the groups claim's values (blank ones ignored, duplicates once)
	 * @param known existing groups whose key is among the claimed values, by key
	 * @param current the groups the user is a member of now
	 * @param create makes a new group of a name (auto-provisioning only)
	 */
	public Plan plan(List<String> claimed, Map<String, Group> known, List<Group> current,
			Function<String, Group> create) {
		if (claimed == null) {
			throw new IllegalArgumentException("claimed cannot be null");
		}
		if (known == null || current == null || create == null) {
			throw new IllegalArgumentException("known, current and create cannot be null");
		}
		Map<java.util.UUID, Group> wanted = new LinkedHashMap<>();
		List<Group> created = new ArrayList<>();
		for (String value : claimed) {
			if (value == null || value.isBlank()) {
				continue;
			}
			Group group = known.get(value);
			if (group == null && this.provisioning == GroupProvisioning.AUTO && value.length() <= Group.MAX_NAME) {
				group = created.stream().filter((g) -> g.name().equals(value)).findFirst().orElse(null);
				if (group == null) {
					group = create.apply(value);
					created.add(group);
				}
			}
			if (group != null) {
				wanted.putIfAbsent(group.id(), group);
			}
		}
		List<Group> added = new ArrayList<>();
		for (Group group : wanted.values()) {
			if (current.stream().noneMatch((g) -> g.id().equals(group.id()))) {
				added.add(group);
			}
		}
		List<Group> removed = current.stream().filter((g) -> !wanted.containsKey(g.id())).toList();
		return new Plan(List.copyOf(created), List.copyOf(added), removed, List.copyOf(wanted.values()));
	}

	/**
	 * @param created groups to create before adding memberships
	 * @param added memberships to add
	 * @param removed memberships to remove
	 * @param after the user's groups afterwards
	 */
	public record Plan(List<Group> created, List<Group> added, List<Group> removed, List<Group> after) {

		public boolean changesMemberships() {
			return !this.added.isEmpty() || !this.removed.isEmpty();
		}

	}

}
