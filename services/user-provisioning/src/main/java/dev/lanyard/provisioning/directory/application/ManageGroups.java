package dev.lanyard.provisioning.directory.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

import dev.lanyard.provisioning.directory.domain.ProvisioningEvent;
import dev.lanyard.provisioning.directory.domain.AccessGroups;
import dev.lanyard.provisioning.directory.domain.Group;
import dev.lanyard.provisioning.directory.domain.GroupMatching;
import dev.lanyard.provisioning.shared.application.Actor;
import dev.lanyard.provisioning.shared.application.RequestRejectedException;
import dev.lanyard.provisioning.shared.application.Transactions;
import dev.lanyard.provisioning.directory.domain.Role;
import dev.lanyard.provisioning.directory.domain.RoleMapping;
import dev.lanyard.provisioning.directory.domain.User;

/**
 * The administrator's use cases on groups and memberships. A membership change publishes
 * one MembershipChanged and the member's new snapshot (its role re-mapped when roles come
 * from groups), committed only once Kafka acknowledged them.
 */
public final class ManageGroups {

	private final Transactions transactions;

	private final GroupStore groups;

	private final UserStore users;

	private final EventPublisher events;

	private final RoleMapping roleMapping;

	private final AccessGroups accessGroups;

	private final GroupMatching matching;

	private final Clock clock;

	private final Supplier<UUID> ids;

	public ManageGroups(Transactions transactions, GroupStore groups, UserStore users, EventPublisher events,
			RoleMapping roleMapping, GroupMatching matching, Clock clock, Supplier<UUID> ids) {
		this(transactions, groups, users, events, roleMapping, AccessGroups.none(), matching, clock, ids);
	}

	/**
	 * @param accessGroups the groups that grant access: a member left in none of them is
	 * deactivated with the membership change
	 */
	public ManageGroups(Transactions transactions, GroupStore groups, UserStore users, EventPublisher events,
			RoleMapping roleMapping, AccessGroups accessGroups, GroupMatching matching, Clock clock,
			Supplier<UUID> ids) {
		if (accessGroups == null) {
			throw new IllegalArgumentException("accessGroups cannot be null");
		}
		if (transactions == null || groups == null || users == null || events == null) {
			throw new IllegalArgumentException("transactions, groups, users and events cannot be null");
		}
		if (roleMapping == null || matching == null || clock == null || ids == null) {
			throw new IllegalArgumentException("roleMapping, matching, clock and ids cannot be null");
		}
		this.transactions = transactions;
		this.groups = groups;
		this.users = users;
		this.events = events;
		this.roleMapping = roleMapping;
		this.accessGroups = accessGroups;
		this.matching = matching;
		this.clock = clock;
		this.ids = ids;
	}

	public Group create(CreateGroup command) {
		if (command == null) {
			throw new IllegalArgumentException("command cannot be null");
		}
		if (command.name() == null || command.name().isBlank() || command.name().length() > Group.MAX_NAME) {
			throw RequestRejectedException.invalid("name", "name is required (1 to " + Group.MAX_NAME + " characters)");
		}
		if (command.uniqueId() != null && (command.uniqueId().isBlank() || command.uniqueId().length() > 1024)) {
			throw RequestRejectedException.invalid("uniqueId", "uniqueId must be 1 to 1024 characters when given");
		}
		if (command.uniqueId() == null && this.matching == GroupMatching.UNIQUE_ID) {
			throw RequestRejectedException.invalid("uniqueId",
					"uniqueId is required: groups are matched by unique id (lanyard.provisioning.groups.match-by)");
		}
		return this.transactions.inTransaction(() -> {
			if (this.groups.nameTaken(command.name())) {
				throw RequestRejectedException.conflict("name",
						"A group named '" + command.name() + "' already exists");
			}
			if (command.uniqueId() != null && this.groups.uniqueIdTaken(command.uniqueId())) {
				throw RequestRejectedException.conflict("uniqueId", "A group with this uniqueId already exists");
			}
			Group group = new Group(this.ids.get(), command.name(), command.uniqueId(), this.clock.instant());
			this.groups.insert(group);
			return group;
		});
	}

	public List<Group> list() {
		return this.groups.all();
	}

	public Group get(UUID id) {
		return existing(id);
	}

	public List<User> members(UUID id) {
		return this.transactions.inTransaction(() -> this.users.membersOf(existing(id).id()));
	}

	/** Removes the group; each member leaves it first, with its events. */
	public void delete(UUID id, Actor actor) {
		requireActor(actor);
		this.transactions.inTransaction(() -> {
			Group group = existing(id);
			Instant now = this.clock.instant();
			List<ProvisioningEvent> published = new ArrayList<>();
			for (User member : this.users.membersOf(id)) {
				User locked = this.users.findForUpdate(member.id()).orElseThrow();
				this.groups.removeMember(id, locked.id());
				published.addAll(changedMembership(locked, group, false, actor, now));
			}
			this.groups.delete(id);
			this.events.publish(published);
			return null;
		});
	}

	/**
	 * @return whether the user was not a member before
	 */
	public boolean addMember(UUID groupId, UUID userId, Actor actor) {
		return changeMembership(groupId, userId, true, actor);
	}

	/**
	 * @return whether the user was a member before
	 */
	public boolean removeMember(UUID groupId, UUID userId, Actor actor) {
		return changeMembership(groupId, userId, false, actor);
	}

	/**
	 * Adds and removes the named users, touching only their memberships (the group's
	 * other members are never loaded): each user is locked in id order, users already as
	 * asked are skipped, users that do not exist are not added, and every change's events
	 * are published together before the commit.
	 * @return the users whose membership changed
	 */
	public List<UUID> changeMembers(UUID groupId, Collection<UUID> add, Collection<UUID> remove, Actor actor) {
		requireActor(actor);
		if (add == null || remove == null) {
			throw new IllegalArgumentException("add and remove cannot be null");
		}
		return this.transactions.inTransaction(() -> {
			Group group = existing(groupId);
			Instant now = this.clock.instant();
			List<ProvisioningEvent> published = new ArrayList<>();
			List<UUID> changed = new ArrayList<>();
			Map<UUID, Boolean> wanted = new TreeMap<>();
			remove.forEach((userId) -> wanted.put(userId, false));
			add.forEach((userId) -> wanted.put(userId, true));
			wanted.forEach((userId, added) -> {
				Optional<User> user = this.users.findForUpdate(userId);
				boolean member = user.isPresent()
						&& this.groups.groupsOf(userId).stream().anyMatch((g) -> g.id().equals(groupId));
				if (user.isEmpty() || member == added) {
					return;
				}
				if (added) {
					this.groups.addMember(groupId, userId, now);
				}
				else {
					this.groups.removeMember(groupId, userId);
				}
				published.addAll(changedMembership(user.get(), group, added, actor, now));
				changed.add(userId);
			});
			this.events.publish(published);
			return changed;
		});
	}

	private boolean changeMembership(UUID groupId, UUID userId, boolean add, Actor actor) {
		requireActor(actor);
		return this.transactions.inTransaction(() -> {
			Group group = existing(groupId);
			User user = this.users.findForUpdate(userId)
				.orElseThrow(() -> RequestRejectedException.notFound("No user with id " + userId));
			boolean member = this.groups.groupsOf(userId).stream().anyMatch((g) -> g.id().equals(groupId));
			if (member == add) {
				return false;
			}
			Instant now = this.clock.instant();
			if (add) {
				this.groups.addMember(groupId, userId, now);
			}
			else {
				this.groups.removeMember(groupId, userId);
			}
			this.events.publish(changedMembership(user, group, add, actor, now));
			return true;
		});
	}

	/** The membership event and the member's next snapshot; the membership is stored. */
	private List<ProvisioningEvent> changedMembership(User user, Group group, boolean added, Actor actor, Instant now) {
		List<Group> groupsNow = this.groups.groupsOf(user.id());
		Role role = user.role();
		if (this.roleMapping.source() == RoleMapping.Source.GROUPS) {
			role = this.roleMapping.fromGroups(groupsNow.stream().map((g) -> g.key(this.matching)).toList());
		}
		User changed = user.withRole(role, now);
		this.users.update(changed);
		User ruled = this.accessGroups.apply(changed, groupsNow, now);
		if (ruled != changed) {
			this.users.update(ruled);
		}
		List<ProvisioningEvent> events = new ArrayList<>();
		events.add(new ProvisioningEvent.MembershipChanged(this.ids.get(), now, actor.correlationId(), actor.actorId(),
				user.id(), group, added));
		if (user.active() && !ruled.active()) {
			events.add(new ProvisioningEvent.UserDeactivated(this.ids.get(), now, actor.correlationId(),
					actor.actorId(), user.id(), ruled.deactivation().reason()));
		}
		events.add(new ProvisioningEvent.UserChanged(this.ids.get(), now, actor.correlationId(), actor.actorId(), ruled,
				groupsNow.stream().filter((g) -> !g.id().equals(group.id()) || added).map(Group::id).toList()));
		return events;
	}

	private Group existing(UUID id) {
		if (id == null) {
			throw new IllegalArgumentException("id cannot be null");
		}
		return this.groups.find(id).orElseThrow(() -> RequestRejectedException.notFound("No group with id " + id));
	}

	private static void requireActor(Actor actor) {
		if (actor == null) {
			throw new IllegalArgumentException("actor cannot be null");
		}
	}

}
