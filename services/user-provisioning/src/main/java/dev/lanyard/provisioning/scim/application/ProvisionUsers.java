package dev.lanyard.provisioning.scim.application;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import dev.lanyard.provisioning.directory.application.EventPublisher;
import dev.lanyard.provisioning.directory.application.GroupStore;
import dev.lanyard.provisioning.directory.application.ProfileRules;
import dev.lanyard.provisioning.directory.application.UserStore;
import dev.lanyard.provisioning.directory.domain.Group;
import dev.lanyard.provisioning.directory.domain.ProfileField;
import dev.lanyard.provisioning.directory.domain.ProvisioningEvent;
import dev.lanyard.provisioning.directory.domain.RoleMapping;
import dev.lanyard.provisioning.directory.domain.User;
import dev.lanyard.provisioning.directory.domain.Usernames;
import dev.lanyard.provisioning.scim.ScimException;
import dev.lanyard.provisioning.scim.domain.Filter;
import dev.lanyard.provisioning.scim.domain.PatchOperation;
import dev.lanyard.provisioning.scim.domain.ScimUser;
import dev.lanyard.provisioning.scim.domain.UserAttributes;
import dev.lanyard.provisioning.shared.application.Actor;
import dev.lanyard.provisioning.shared.application.Transactions;

/**
 * A SCIM client's use cases on users. Each change publishes the user's snapshot (and, for
 * {@code active: false} or a deletion, what {@link UserLifecycle} publishes) and commits
 * only once Kafka acknowledged it; a refused request changes nothing. The profile a
 * client writes becomes the user's claimed fields, so the admin API cannot edit it. A
 * POST whose sign-in identity (see {@link ScimSettings}) is a user no SCIM client wrote
 * yet provisions that user: one person, one user; one a client already wrote → 409.
 */
public final class ProvisionUsers {

	private static final Set<ProfileField> MANAGED = Set.copyOf(EnumSet.allOf(ProfileField.class));

	private final Transactions transactions;

	private final UserStore users;

	private final ScimUserStore scimUsers;

	private final GroupStore groups;

	private final EventPublisher events;

	private final UserLifecycle lifecycle;

	private final RoleMapping roleMapping;

	private final ScimSettings settings;

	private final Clock clock;

	private final Supplier<UUID> ids;

	public ProvisionUsers(Transactions transactions, UserStore users, ScimUserStore scimUsers, GroupStore groups,
			EventPublisher events, UserLifecycle lifecycle, RoleMapping roleMapping, ScimSettings settings, Clock clock,
			Supplier<UUID> ids) {
		if (transactions == null || users == null || scimUsers == null || groups == null || events == null) {
			throw new IllegalArgumentException("transactions, users, scimUsers, groups and events cannot be null");
		}
		if (lifecycle == null || roleMapping == null || settings == null || clock == null || ids == null) {
			throw new IllegalArgumentException("lifecycle, roleMapping, settings, clock and ids cannot be null");
		}
		this.transactions = transactions;
		this.users = users;
		this.scimUsers = scimUsers;
		this.groups = groups;
		this.events = events;
		this.lifecycle = lifecycle;
		this.roleMapping = roleMapping;
		this.settings = settings;
		this.clock = clock;
		this.ids = ids;
	}

	public ProvisionedUser create(ScimUser attributes, Actor actor) {
		if (attributes == null || actor == null) {
			throw new IllegalArgumentException("attributes and actor cannot be null");
		}
		check(attributes);
		return this.transactions.inTransaction(() -> {
			String uniqueId = uniqueId(attributes);
			String issuer = (uniqueId != null) ? this.settings.signInIssuer() : null;
			Optional<User> signedIn = (uniqueId != null) ? this.users.findByIdentityForUpdate(issuer, uniqueId)
					: Optional.empty();
			if (signedIn.isPresent() && signedIn.get().deletedAt() == null
					&& this.scimUsers.find(signedIn.get().id()).isEmpty()) {
				// the person signed in before the provider pushed them: the same user
				return apply(signedIn.get(), (current) -> (attributes.active() != null) ? attributes
						: attributes.withActive(current.active()), actor);
			}
			requireFreeUserName(attributes.userName(), null);
			if (uniqueId != null && this.users.identityTaken(issuer, uniqueId)) {
				throw ScimException.uniqueness("Another user already signs in from " + issuer + " with this "
						+ uniqueIdName() + "; it is not merged");
			}
			Instant now = this.clock.instant();
			User user = new User(this.ids.get(), username(attributes.userName(), null), issuer, uniqueId,
					attributes.email(), attributes.givenName(), attributes.familyName(), this.roleMapping.defaultRole(),
					false, true, MANAGED, 1, now, now, null);
			this.users.insert(user);
			this.scimUsers.save(user.id(), attributes.withActive(null), actor.actorId());
			publish(user, List.of(), actor, now);
			if (Boolean.FALSE.equals(attributes.active())) {
				this.lifecycle.deactivate(user.id(), UserLifecycle.SCIM_DEACTIVATED, actor);
			}
			return view(user.id(), true);
		});
	}

	public ProvisionedUser get(UUID id, boolean withGroups) {
		return this.transactions.inTransaction(() -> view(id, withGroups));
	}

	/** One page; {@code startIndex} counts from 1 as in SCIM. */
	public UserListing list(Filter filter, int startIndex, int count, boolean withGroups) {
		int offset = Math.max(startIndex, 1) - 1;
		int limit = Math.max(0, Math.min(count, this.settings.maxResults()));
		return this.transactions.inTransaction(() -> {
			ScimUserStore.Page page = this.scimUsers.search(filter, offset, limit);
			List<ProvisionedUser> found = page.users()
				.stream()
				.map((f) -> new ProvisionedUser(f.user(), ProvisionedUser.derived(f.user(), f.attributes()),
						withGroups ? this.groups.groupsOf(f.user().id()) : null))
				.toList();
			return new UserListing(found, page.total(), offset + 1);
		});
	}

	/**
	 * PUT: the client's attributes replace the kept ones ({@code active} only if given).
	 */
	public ProvisionedUser replace(UUID id, ScimUser attributes, Long ifMatch, Actor actor) {
		if (attributes == null) {
			throw new IllegalArgumentException("attributes cannot be null");
		}
		return change(id,
				(current) -> (attributes.active() != null) ? attributes : attributes.withActive(current.active()),
				ifMatch, actor);
	}

	public ProvisionedUser patch(UUID id, List<PatchOperation> operations, Long ifMatch, Actor actor) {
		if (operations == null) {
			throw new IllegalArgumentException("operations cannot be null");
		}
		return change(id, (current) -> UserAttributes.patch(current, operations), ifMatch, actor);
	}

	public void delete(UUID id, Long ifMatch, Actor actor) {
		requireActor(actor);
		this.transactions.inTransaction(() -> {
			requireVersion(existing(id), ifMatch);
			this.lifecycle.delete(id, actor);
			this.scimUsers.forget(id);
			return null;
		});
	}

	private ProvisionedUser change(UUID id, UnaryOperator<ScimUser> change, Long ifMatch, Actor actor) {
		requireActor(actor);
		return this.transactions.inTransaction(() -> {
			User user = existing(id);
			requireVersion(user, ifMatch);
			return apply(user, change, actor);
		});
	}

	/**
	 * The profile fields SCIM manages for a user: all of them once a SCIM client wrote it
	 * (a sign-in keeps them claimed), none otherwise.
	 */
	public Set<ProfileField> managedFields(UUID userId) {
		if (userId == null) {
			throw new IllegalArgumentException("userId cannot be null");
		}
		return this.scimUsers.find(userId).isPresent() ? MANAGED : Set.of();
	}

	/** Applies a change to a locked user; its profile becomes claimed. */
	private ProvisionedUser apply(User user, UnaryOperator<ScimUser> change, Actor actor) {
		UUID id = user.id();
		Optional<ScimUser> written = this.scimUsers.find(id);
		ScimUser current = ProvisionedUser.derived(user, written.orElse(null));
		ScimUser next = change.apply(current);
		check(next);
		if (!next.withActive(null).equals(current.withActive(null)) || written.isEmpty()) {
			update(user, current, next, actor);
		}
		if (Boolean.FALSE.equals(next.active()) && user.active()) {
			this.lifecycle.deactivate(id, UserLifecycle.SCIM_DEACTIVATED, actor);
		}
		else if (Boolean.TRUE.equals(next.active()) && !user.active()) {
			this.lifecycle.reactivate(id, actor);
		}
		return view(id, true);
	}

	private void update(User user, ScimUser current, ScimUser next, Actor actor) {
		boolean renamed = !next.userName().equals(current.userName());
		if (renamed) {
			requireFreeUserName(next.userName(), user.id());
		}
		String issuer = user.issuer();
		String uniqueId = user.uniqueId();
		String wanted = uniqueId(next);
		if (wanted != null && uniqueId != null && !wanted.equals(uniqueId)
				&& Objects.equals(issuer, this.settings.signInIssuer())) {
			// rebinding would let another person's sign-in become this user
			throw ScimException.mutability(uniqueIdName() + " is this user's sign-in identity and cannot change");
		}
		if (wanted != null && issuer == null && uniqueId == null) {
			if (this.users.identityTaken(this.settings.signInIssuer(), wanted)) {
				throw ScimException.uniqueness("Another user already signs in from " + this.settings.signInIssuer()
						+ " with this " + uniqueIdName() + "; it is not merged");
			}
			issuer = this.settings.signInIssuer();
			uniqueId = wanted;
			this.scimUsers.bindIdentity(user.id(), issuer, uniqueId);
		}
		Instant now = this.clock.instant();
		Set<ProfileField> claimed = EnumSet.copyOf(MANAGED);
		claimed.addAll(user.claimedFields());
		User changed = new User(user.id(), renamed ? username(next.userName(), user.id()) : user.username(), issuer,
				uniqueId, next.email(), next.givenName(), next.familyName(), user.role(), user.locked(), user.active(),
				claimed, user.version() + 1, user.createdAt(), now, user.lastLoginAt(), user.deactivation(),
				user.deletedAt());
		this.users.update(changed);
		this.scimUsers.save(user.id(), next.withActive(null), actor.actorId());
		publish(changed, this.groups.groupsOf(user.id()), actor, now);
	}

	/**
	 * Lanyard's username for a SCIM userName: the userName itself when it is a valid,
	 * free username, else derived from it as from an email address.
	 */
	private String username(String userName, UUID self) {
		if (Usernames.isValid(userName) && !this.users.usernameTaken(userName, self)) {
			return userName;
		}
		return Usernames.derive(userName, (candidate) -> this.users.usernameTaken(candidate, self))
			.orElseThrow(() -> ScimException
				.invalidValue("No valid username (a letter first, then letters, digits, '_' or '.') can be derived"
						+ " from this userName"));
	}

	private void requireFreeUserName(String userName, UUID except) {
		if (this.scimUsers.userNameTaken(userName, except)) {
			throw ScimException.uniqueness("userName '" + userName + "' is already taken");
		}
	}

	private String uniqueId(ScimUser attributes) {
		if (this.settings.signInIssuer() == null) {
			return null;
		}
		return (this.settings.uniqueIdAttribute() == ScimSettings.UniqueIdAttribute.USER_NAME) ? attributes.userName()
				: attributes.externalId();
	}

	private String uniqueIdName() {
		return (this.settings.uniqueIdAttribute() == ScimSettings.UniqueIdAttribute.USER_NAME) ? "userName"
				: "externalId";
	}

	private static void check(ScimUser attributes) {
		try {
			ProfileRules.checkEmail("emails", attributes.email());
			ProfileRules.checkName("name.givenName", attributes.givenName());
			ProfileRules.checkName("name.familyName", attributes.familyName());
		}
		catch (RuntimeException ex) {
			throw ScimException.invalidValue(ex.getMessage());
		}
	}

	private static void requireVersion(User user, Long ifMatch) {
		if (ifMatch != null && ifMatch != user.version()) {
			throw ScimException.preconditionFailed(
					"The user changed since version " + ifMatch + " (now " + user.version() + "); fetch it again");
		}
	}

	private User existing(UUID id) {
		if (id == null) {
			throw new IllegalArgumentException("id cannot be null");
		}
		return this.users.findForUpdate(id).orElseThrow(() -> ScimException.notFound("No user with id " + id));
	}

	private ProvisionedUser view(UUID id, boolean withGroups) {
		User user = this.users.find(id).orElseThrow(() -> ScimException.notFound("No user with id " + id));
		ScimUser attributes = ProvisionedUser.derived(user, this.scimUsers.find(id).orElse(null));
		return new ProvisionedUser(user, attributes, withGroups ? this.groups.groupsOf(id) : null);
	}

	private void publish(User user, List<Group> groupsNow, Actor actor, Instant now) {
		this.events.publish(List.of(new ProvisioningEvent.UserChanged(this.ids.get(), now, actor.correlationId(),
				actor.actorId(), user, groupsNow.stream().map(Group::id).toList())));
	}

	private static void requireActor(Actor actor) {
		if (actor == null) {
			throw new IllegalArgumentException("actor cannot be null");
		}
	}

}
