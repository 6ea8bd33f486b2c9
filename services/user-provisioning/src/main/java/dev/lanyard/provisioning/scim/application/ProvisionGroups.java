package dev.lanyard.provisioning.scim.application;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import dev.lanyard.provisioning.directory.application.ManageGroups;
import dev.lanyard.provisioning.directory.domain.Group;
import dev.lanyard.provisioning.scim.ScimException;
import dev.lanyard.provisioning.scim.domain.Filter;
import dev.lanyard.provisioning.scim.domain.GroupChanges;
import dev.lanyard.provisioning.scim.domain.ScimGroup;
import dev.lanyard.provisioning.shared.application.Actor;
import dev.lanyard.provisioning.shared.application.Transactions;

/**
 * A SCIM client's use cases on groups. Membership changes touch only the named members
 * (through {@link ManageGroups#changeMembers}, one GroupMembershipChanged and one
 * UserChanged per membership, acknowledged before the commit); a member that does not
 * exist refuses the whole request. Every change increases the group's version.
 */
public final class ProvisionGroups {

	private final Transactions transactions;

	private final ScimGroupStore groups;

	private final ManageGroups memberships;

	private final ScimSettings settings;

	private final Clock clock;

	private final Supplier<UUID> ids;

	public ProvisionGroups(Transactions transactions, ScimGroupStore groups, ManageGroups memberships,
			ScimSettings settings, Clock clock, Supplier<UUID> ids) {
		if (transactions == null || groups == null || memberships == null) {
			throw new IllegalArgumentException("transactions, groups and memberships cannot be null");
		}
		if (settings == null || clock == null || ids == null) {
			throw new IllegalArgumentException("settings, clock and ids cannot be null");
		}
		this.transactions = transactions;
		this.groups = groups;
		this.memberships = memberships;
		this.settings = settings;
		this.clock = clock;
		this.ids = ids;
	}

	public ProvisionedGroup create(GroupChanges changes, Actor actor) {
		requireArguments(changes, actor);
		String name = checkedName(changes.displayName());
		return this.transactions.inTransaction(() -> {
			if (this.groups.nameTaken(name, null)) {
				throw ScimException.uniqueness("A group named '" + name + "' already exists");
			}
			requireFreeExternalId(changes.externalId(), null);
			Set<UUID> members = existingMembers(changes.replaceMembers());
			Instant now = this.clock.instant();
			ScimGroup group = new ScimGroup(this.ids.get(), name, changes.externalId(), 1, now, now);
			this.groups.insert(group);
			if (!members.isEmpty()) {
				this.memberships.changeMembers(group.id(), members, Set.of(), actor);
			}
			return view(group.id(), true);
		});
	}

	public ProvisionedGroup get(UUID id, boolean withMembers) {
		return this.transactions.inTransaction(() -> view(id, withMembers));
	}

	public GroupListing list(Filter filter, int startIndex, int count, boolean withMembers) {
		int offset = Math.max(startIndex, 1) - 1;
		int limit = Math.max(0, Math.min(count, this.settings.maxResults()));
		return this.transactions.inTransaction(() -> {
			ScimGroupStore.Page page = this.groups.search(filter, offset, limit);
			return new GroupListing(page.groups()
				.stream()
				.map((group) -> new ProvisionedGroup(group, withMembers ? this.groups.members(group.id()) : null))
				.toList(), page.total(), offset + 1);
		});
	}

	/**
	 * PUT or PATCH: the changes apply together or not at all.
	 * @param withMembers whether the answer lists the members
	 */
	public ProvisionedGroup change(UUID id, GroupChanges changes, Long ifMatch, boolean withMembers, Actor actor) {
		requireArguments(changes, actor);
		return this.transactions.inTransaction(() -> {
			ScimGroup group = existing(id);
			if (ifMatch != null && ifMatch != group.version()) {
				throw ScimException.preconditionFailed("The group changed since version " + ifMatch + " (now "
						+ group.version() + "); fetch it again");
			}
			String name = (changes.displayName() != null) ? checkedName(changes.displayName()) : group.displayName();
			if (!name.equals(group.displayName()) && this.groups.nameTaken(name, id)) {
				throw ScimException.uniqueness("A group named '" + name + "' already exists");
			}
			String externalId = changes.externalIdSet() ? changes.externalId() : group.externalId();
			if (externalId != null && !externalId.equals(group.externalId())) {
				requireFreeExternalId(externalId, id);
			}
			Set<UUID> add = existingMembers(changes.add());
			Set<UUID> remove = uuids(changes.remove());
			if (changes.replaceMembers() != null) {
				Set<UUID> wanted = existingMembers(changes.replaceMembers());
				Set<UUID> current = new HashSet<>(this.groups.memberIds(id));
				add = new LinkedHashSet<>(wanted);
				add.removeAll(current);
				remove = new LinkedHashSet<>(current);
				remove.removeAll(wanted);
			}
			List<UUID> changed = (add.isEmpty() && remove.isEmpty()) ? List.of()
					: this.memberships.changeMembers(id, add, remove, actor);
			boolean renamed = !name.equals(group.displayName())
					|| !java.util.Objects.equals(externalId, group.externalId());
			if (renamed || !changed.isEmpty()) {
				this.groups.update(group.changed(name, externalId, this.clock.instant()));
			}
			return view(id, withMembers);
		});
	}

	public void delete(UUID id, Long ifMatch, Actor actor) {
		if (actor == null) {
			throw new IllegalArgumentException("actor cannot be null");
		}
		this.transactions.inTransaction(() -> {
			ScimGroup group = existing(id);
			if (ifMatch != null && ifMatch != group.version()) {
				throw ScimException.preconditionFailed("The group changed since version " + ifMatch);
			}
			this.memberships.delete(id, actor);
			return null;
		});
	}

	/** The ids as users; any that is no user refuses the request. */
	private Set<UUID> existingMembers(Set<String> values) {
		if (values == null || values.isEmpty()) {
			return Set.of();
		}
		Set<UUID> wanted = uuids(values);
		if (wanted.size() < values.size()) {
			throw ScimException.invalidValue("Every member's value must be the id of a user");
		}
		Set<UUID> existing = this.groups.existingUsers(wanted);
		for (UUID id : wanted) {
			if (!existing.contains(id)) {
				throw ScimException.invalidValue("No user with id " + id + "; nothing was changed");
			}
		}
		return wanted;
	}

	/** Ids that are no UUID name no user: they are dropped. */
	private static Set<UUID> uuids(Set<String> values) {
		Set<UUID> uuids = new LinkedHashSet<>();
		for (String value : values) {
			try {
				uuids.add(UUID.fromString(value));
			}
			catch (IllegalArgumentException ex) {
				// not an id this service issued
			}
		}
		return uuids;
	}

	private void requireFreeExternalId(String externalId, UUID except) {
		if (externalId != null && this.groups.externalIdTaken(externalId, except)) {
			throw ScimException.uniqueness("A group with this externalId already exists");
		}
	}

	private static String checkedName(String name) {
		if (name == null || name.isBlank() || name.length() > Group.MAX_NAME) {
			throw ScimException.invalidValue("displayName must be 1 to " + Group.MAX_NAME + " characters");
		}
		return name;
	}

	private ScimGroup existing(UUID id) {
		return this.groups.findForUpdate(id).orElseThrow(() -> ScimException.notFound("No group with id " + id));
	}

	private ProvisionedGroup view(UUID id, boolean withMembers) {
		ScimGroup group = this.groups.find(id).orElseThrow(() -> ScimException.notFound("No group with id " + id));
		return new ProvisionedGroup(group, withMembers ? this.groups.members(id) : null);
	}

	private static void requireArguments(GroupChanges changes, Actor actor) {
		if (changes == null || actor == null) {
			throw new IllegalArgumentException("changes and actor cannot be null");
		}
	}

}
