package dev.lanyard.provisioning.directory.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import dev.lanyard.provisioning.directory.domain.ProvisioningEvent;
import dev.lanyard.provisioning.directory.domain.Group;
import dev.lanyard.provisioning.shared.application.Actor;
import dev.lanyard.provisioning.shared.application.RequestRejectedException;
import dev.lanyard.provisioning.shared.application.Transactions;
import dev.lanyard.provisioning.directory.domain.ProfileField;
import dev.lanyard.provisioning.directory.domain.Role;
import dev.lanyard.provisioning.directory.domain.RoleMapping;
import dev.lanyard.provisioning.directory.domain.User;
import dev.lanyard.provisioning.directory.domain.Usernames;

/**
 * The administrator's use cases on users. Every change publishes the user's snapshot and
 * commits only once Kafka acknowledged it; a rejected request changes nothing.
 */
public final class ManageUsers {

	/** Largest page of a user listing. */
	public static final int MAX_LIMIT = 500;

	private static final Set<String> EDITABLE = Set.of("username", "email", "firstName", "lastName", "role");

	private final Transactions transactions;

	private final UserStore users;

	private final GroupStore groups;

	private final EventPublisher events;

	private final RoleMapping roleMapping;

	private final Clock clock;

	private final Supplier<UUID> ids;

	public ManageUsers(Transactions transactions, UserStore users, GroupStore groups, EventPublisher events,
			RoleMapping roleMapping, Clock clock, Supplier<UUID> ids) {
		if (transactions == null || users == null || groups == null || events == null) {
			throw new IllegalArgumentException("transactions, users, groups and events cannot be null");
		}
		if (roleMapping == null || clock == null || ids == null) {
			throw new IllegalArgumentException("roleMapping, clock and ids cannot be null");
		}
		this.transactions = transactions;
		this.users = users;
		this.groups = groups;
		this.events = events;
		this.roleMapping = roleMapping;
		this.clock = clock;
		this.ids = ids;
	}

	public UserDetails create(CreateUser command, Actor actor) {
		if (command == null || actor == null) {
			throw new IllegalArgumentException("command and actor cannot be null");
		}
		if (command.uniqueId() == null || command.uniqueId().isBlank() || command.uniqueId().length() > 1024) {
			throw RequestRejectedException.invalid("uniqueId", "uniqueId is required (1 to 1024 characters)");
		}
		if (command.issuer() == null || command.issuer().isBlank()) {
			// a unique id alone would bind to whichever provider first presents it
			throw RequestRejectedException.invalid("issuer",
					"issuer is required: a user created ahead of sign-in is bound to the provider with that issuer");
		}
		ProfileRules.checkEmail("email", command.email());
		ProfileRules.checkName("firstName", command.firstName());
		ProfileRules.checkName("lastName", command.lastName());
		Role role = createdRole(command.role());
		if (command.username() != null) {
			Usernames.violation(command.username())
				.ifPresent((violation) -> reject(RequestRejectedException.invalid("username", violation)));
		}
		else if (command.email() == null) {
			throw RequestRejectedException.invalid("username", "username or email is required");
		}
		return this.transactions.inTransaction(() -> {
			if (this.users.identityTaken(command.issuer(), command.uniqueId())) {
				throw RequestRejectedException.conflict("uniqueId", "A user with this uniqueId already exists");
			}
			String username = (command.username() != null) ? freeUsername(command.username(), null)
					: Usernames.derive(command.email(), (candidate) -> this.users.usernameTaken(candidate, null))
						.orElseThrow(() -> RequestRejectedException.invalid("email",
								"No username can be derived from this email address; give a username"));
			Instant now = this.clock.instant();
			User user = User.create(this.ids.get(), username, command.issuer(), command.uniqueId(),
					new User.Profile(command.email(), command.firstName(), command.lastName()), role, now);
			this.users.insert(user);
			publish(user, List.of(), actor, now);
			return new UserDetails(user, List.of());
		});
	}

	public UserDetails get(UUID id) {
		return this.transactions.inTransaction(() -> details(existing(id, false)));
	}

	public UserPage list(String query, int limit, UserStore.UserCursor after) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw RequestRejectedException.invalid("limit", "limit must be between 1 and " + MAX_LIMIT);
		}
		String search = (query == null || query.isBlank()) ? null : query.strip();
		List<User> found = this.users.search(search, limit + 1, after);
		if (found.size() <= limit) {
			return new UserPage(found, null);
		}
		List<User> page = found.subList(0, limit);
		User last = page.getLast();
		return new UserPage(page,
				new UserStore.UserCursor(last.username().toLowerCase(java.util.Locale.ROOT), last.id()));
	}

	/**
	 * Changes editable fields. {@code changes} maps field names to new values; a
	 * {@code null} value clears an optional field.
	 */
	public UserDetails edit(UUID id, Map<String, String> changes, Actor actor) {
		if (changes == null || actor == null) {
			throw new IllegalArgumentException("changes and actor cannot be null");
		}
		for (String field : changes.keySet()) {
			if (!EDITABLE.contains(field)) {
				throw RequestRejectedException.invalid(field, field + " cannot be edited; editable fields are "
						+ String.join(", ", EDITABLE.stream().sorted().toList()));
			}
		}
		return this.transactions.inTransaction(() -> {
			User user = existing(id, true);
			User changed = applyEdits(user, changes);
			if (changed.equals(user)) {
				return details(user);
			}
			Instant now = this.clock.instant();
			changed = changed.changed(changed.username(), changed.issuer(), changed.profile(), changed.role(),
					changed.locked(), changed.claimedFields(), now, changed.lastLoginAt());
			this.users.update(changed);
			List<Group> groupsNow = this.groups.groupsOf(id);
			publish(changed, groupsNow, actor, now);
			return new UserDetails(changed, groupsNow);
		});
	}

	/**
	 * Deactivates the user: they can no longer sign in and every credential of theirs is
	 * revoked (UserDeactivated, then the inactive UserChanged, both acknowledged before
	 * the commit). Deactivating an inactive user changes and publishes nothing.
	 * @param reason why, e.g. {@code scim-deactivated}, {@code admin-deactivated}
	 */
	public UserDetails deactivate(UUID id, String reason, Actor actor) {
		if (actor == null) {
			throw new IllegalArgumentException("actor cannot be null");
		}
		checkReason(reason);
		return this.transactions.inTransaction(() -> {
			User user = existing(id, true);
			if (!user.active()) {
				return details(user);
			}
			Instant now = this.clock.instant();
			User changed = user.deactivated(reason, now);
			this.users.update(changed);
			List<Group> groupsNow = this.groups.groupsOf(id);
			this.events
				.publish(List.of(deactivatedEvent(changed, actor, now), changedEvent(changed, groupsNow, actor, now)));
			return new UserDetails(changed, groupsNow);
		});
	}

	/**
	 * Lets a deactivated user sign in again (UserChanged with {@code active=true});
	 * reactivating an active user changes nothing. Tokens revoked at deactivation stay
	 * revoked.
	 */
	public UserDetails reactivate(UUID id, Actor actor) {
		if (actor == null) {
			throw new IllegalArgumentException("actor cannot be null");
		}
		return this.transactions.inTransaction(() -> {
			User user = existing(id, true);
			if (user.active()) {
				return details(user);
			}
			Instant now = this.clock.instant();
			User changed = user.reactivated(now);
			this.users.update(changed);
			List<Group> groupsNow = this.groups.groupsOf(id);
			publish(changed, groupsNow, actor, now);
			return new UserDetails(changed, groupsNow);
		});
	}

	/**
	 * Deactivates the user with reason {@code deleted} (when still active), ends their
	 * group memberships and hides them: they no longer appear in lists or lookups, but
	 * the row stays so the audit history about them keeps its meaning, and their identity
	 * stays bound to it (the person cannot sign in again as a new user). Their username
	 * becomes free.
	 */
	public void delete(UUID id, Actor actor) {
		if (actor == null) {
			throw new IllegalArgumentException("actor cannot be null");
		}
		this.transactions.inTransaction(() -> {
			User user = existing(id, true);
			Instant now = this.clock.instant();
			User deleted = user.deleted(now);
			this.users.update(deleted);
			List<ProvisioningEvent> published = new ArrayList<>();
			if (user.active()) {
				published.add(deactivatedEvent(deleted, actor, now));
			}
			for (Group group : this.groups.groupsOf(id)) {
				this.groups.removeMember(group.id(), id);
				published.add(new ProvisioningEvent.MembershipChanged(this.ids.get(), now, actor.correlationId(),
						actor.actorId(), id, group, false));
			}
			published.add(changedEvent(deleted, List.of(), actor, now));
			this.events.publish(published);
			return null;
		});
	}

	public UserDetails lock(UUID id, Actor actor) {
		return setLocked(id, true, actor);
	}

	public UserDetails unlock(UUID id, Actor actor) {
		return setLocked(id, false, actor);
	}

	private UserDetails setLocked(UUID id, boolean locked, Actor actor) {
		if (actor == null) {
			throw new IllegalArgumentException("actor cannot be null");
		}
		return this.transactions.inTransaction(() -> {
			User user = existing(id, true);
			if (user.locked() == locked) {
				return details(user);
			}
			Instant now = this.clock.instant();
			User changed = user.withLocked(locked, now);
			this.users.update(changed);
			List<Group> groupsNow = this.groups.groupsOf(id);
			publish(changed, groupsNow, actor, now);
			return new UserDetails(changed, groupsNow);
		});
	}

	private User applyEdits(User user, Map<String, String> changes) {
		String username = user.username();
		User.Profile profile = user.profile();
		Role role = user.role();
		for (Map.Entry<String, String> change : changes.entrySet()) {
			String value = change.getValue();
			switch (change.getKey()) {
				case "username" -> {
					requireEditable(user, ProfileField.USERNAME);
					if (value == null) {
						throw RequestRejectedException.invalid("username", "username cannot be removed");
					}
					Usernames.violation(value)
						.ifPresent((violation) -> reject(RequestRejectedException.invalid("username", violation)));
					username = value.equals(username) ? username : freeUsername(value, user.id());
				}
				case "email" -> {
					requireEditable(user, ProfileField.EMAIL);
					ProfileRules.checkEmail("email", value);
					profile = profile.with(ProfileField.EMAIL, value);
				}
				case "firstName", "lastName" -> {
					ProfileField field = ProfileField.of(change.getKey()).orElseThrow();
					requireEditable(user, field);
					ProfileRules.checkName(change.getKey(), value);
					profile = profile.with(field, value);
				}
				case "role" -> role = editedRole(value);
				default -> throw new IllegalStateException("Unexpected field " + change.getKey());
			}
		}
		return new User(user.id(), username, user.issuer(), user.uniqueId(), profile.email(), profile.firstName(),
				profile.lastName(), role, user.locked(), user.active(), user.claimedFields(), user.version(),
				user.createdAt(), user.updatedAt(), user.lastLoginAt(), user.deactivation(), user.deletedAt());
	}

	private Role createdRole(String value) {
		if (value == null) {
			return this.roleMapping.defaultRole();
		}
		return editedRole(value);
	}

	private Role editedRole(String value) {
		if (this.roleMapping.mapped()) {
			throw RequestRejectedException.conflict("role", "role is set from the identity provider by role mapping ("
					+ this.roleMapping.source().name().toLowerCase(java.util.Locale.ROOT) + ") and cannot be edited");
		}
		return Role.of(value)
			.orElseThrow(() -> RequestRejectedException.invalid("role",
					"role must be one of viewer, publisher, administrator, auditor"));
	}

	private static void requireEditable(User user, ProfileField field) {
		if (user.claims(field)) {
			throw RequestRejectedException.conflict(field.value(), field.value()
					+ " comes from the identity provider's claims, is refreshed at every sign-in and cannot be edited");
		}
	}

	private String freeUsername(String username, UUID except) {
		if (this.users.usernameTaken(username, except)) {
			throw RequestRejectedException.conflict("username", "The username '" + username + "' is already taken");
		}
		return username;
	}

	private User existing(UUID id, boolean forUpdate) {
		if (id == null) {
			throw new IllegalArgumentException("id cannot be null");
		}
		return (forUpdate ? this.users.findForUpdate(id) : this.users.find(id))
			.orElseThrow(() -> RequestRejectedException.notFound("No user with id " + id));
	}

	private UserDetails details(User user) {
		return new UserDetails(user, this.groups.groupsOf(user.id()));
	}

	private void publish(User user, List<Group> groupsNow, Actor actor, Instant now) {
		this.events.publish(List.of(changedEvent(user, groupsNow, actor, now)));
	}

	private ProvisioningEvent.UserChanged changedEvent(User user, List<Group> groupsNow, Actor actor, Instant now) {
		return new ProvisioningEvent.UserChanged(this.ids.get(), now, actor.correlationId(), actor.actorId(), user,
				groupsNow.stream().map(Group::id).toList());
	}

	private ProvisioningEvent.UserDeactivated deactivatedEvent(User user, Actor actor, Instant now) {
		return new ProvisioningEvent.UserDeactivated(this.ids.get(), now, actor.correlationId(), actor.actorId(),
				user.id(), user.deactivation().reason());
	}

	private static void checkReason(String reason) {
		if (reason == null || reason.isBlank() || reason.length() > 64
				|| reason.chars().anyMatch(Character::isISOControl)) {
			throw RequestRejectedException.invalid("reason",
					"reason must be 1 to 64 characters without control characters");
		}
	}

	private static void reject(RequestRejectedException ex) {
		throw ex;
	}

}
