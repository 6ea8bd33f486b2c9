package dev.lanyard.provisioning.signin.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import dev.lanyard.platform.ids.SignInAnswers;
import dev.lanyard.provisioning.directory.application.GroupStore;
import dev.lanyard.provisioning.directory.application.UserStore;
import dev.lanyard.provisioning.directory.domain.Group;
import dev.lanyard.provisioning.directory.domain.GroupSync;
import dev.lanyard.provisioning.directory.domain.RefusalReason;
import dev.lanyard.provisioning.directory.domain.Role;
import dev.lanyard.provisioning.directory.domain.RoleMapping;
import dev.lanyard.provisioning.directory.domain.User;
import dev.lanyard.provisioning.directory.domain.Usernames;

/**
 * The sign-in's rules for a person Lanyard does not know yet, kept in one place for every
 * way such a person becomes a user from a provider's claims (a sign-in; a federated token
 * whose trust rule creates users just in time): a claimed username must be valid and
 * free, else one is derived from the email; the groups claim is synced; the access-group
 * rule must let the person in; the role is mapped. Runs in the caller's transaction.
 */
public final class Registration {

	private final UserStore users;

	private final GroupStore groups;

	private final SignInSettings settings;

	private final Supplier<UUID> ids;

	public Registration(UserStore users, GroupStore groups, SignInSettings settings, Supplier<UUID> ids) {
		if (users == null || groups == null) {
			throw new IllegalArgumentException("users and groups cannot be null");
		}
		if (settings == null || ids == null) {
			throw new IllegalArgumentException("settings and ids cannot be null");
		}
		this.users = users;
		this.groups = groups;
		this.settings = settings;
		this.ids = ids;
	}

	/** Inserts the new user and their memberships, or refuses and changes nothing. */
	public Result register(NewUserClaims claims, Instant now) {
		return register(claims, now, null);
	}

	/**
	 * As above, the new user's and groups' ids derived from {@code seed} (a sign-in's
	 * event id) when given: a sign-in applied again after a crash rolled its first
	 * application back, once Kafka had acknowledged its events, creates the same user and
	 * groups, so what those events announced is what the database holds.
	 */
	public Result register(NewUserClaims claims, Instant now, UUID seed) {
		if (claims == null || now == null) {
			throw new IllegalArgumentException("claims and now cannot be null");
		}
		String username;
		if (claims.username() != null) {
			Optional<Result.Refused> refused = refuseClaimedUsername(claims.username(), null);
			if (refused.isPresent()) {
				return refused.get();
			}
			username = claims.username();
		}
		else {
			Optional<String> derived = Usernames.derive(claims.email(),
					(candidate) -> this.users.usernameTaken(candidate, null));
			if (derived.isEmpty()) {
				return new Result.Refused(RefusalReason.USERNAME_MISSING,
						"Your identity provider sent neither a username nor an email address to derive one from.");
			}
			username = derived.get();
		}
		GroupSync.Plan plan = planGroups(claims.groups(), List.of(), now, seed);
		if (!this.settings.accessGroups().grantAccess(plan.after())) {
			return new Result.Refused(RefusalReason.NO_ACCESS_GROUP,
					"You are in none of the groups that grant access to Lanyard. Ask an administrator for access.");
		}
		Role role = mapRole(this.settings.roleMapping().defaultRole(), claims.roleClaim(), plan.after());
		User user = new User(id(seed, "user"), username, claims.issuer(), claims.uniqueId(), claims.email(),
				claims.firstName(), claims.lastName(), role, false, true, claims.claimedFields(), 1, now, now, now);
		this.users.insert(user);
		applyGroups(user, plan, now);
		return new Result.Registered(user, plan);
	}

	Optional<Result.Refused> refuseClaimedUsername(String username, UUID userId) {
		Optional<String> violation = Usernames.violation(username);
		if (violation.isPresent()) {
			return Optional.of(new Result.Refused(RefusalReason.INVALID_USERNAME, violation.get()));
		}
		if (this.users.usernameTaken(username, userId)) {
			return Optional.of(new Result.Refused(RefusalReason.INVALID_USERNAME,
					"The username '" + username + "' is already used by another Lanyard account."));
		}
		return Optional.empty();
	}

	/** The group changes of a groups claim; new groups get ids derived from a seed. */
	GroupSync.Plan planGroups(List<String> claimed, List<Group> current, Instant now, UUID seed) {
		if (claimed == null) {
			return new GroupSync.Plan(List.of(), List.of(), List.of(), current);
		}
		GroupSync sync = this.settings.groupSync();
		Map<String, Group> known = this.groups.findByKeys(sync.matching(), claimed);
		return sync.plan(claimed, known, current, (name) -> new Group(id(seed, "group/" + name), name, null, now));
	}

	/** A new id: derived from the seed for this purpose, else fresh. */
	private UUID id(UUID seed, String purpose) {
		return (seed != null) ? SignInAnswers.eventId(seed, purpose) : this.ids.get();
	}

	void applyGroups(User user, GroupSync.Plan plan, Instant now) {
		plan.created().forEach(this.groups::insert);
		plan.removed().forEach((group) -> this.groups.removeMember(group.id(), user.id()));
		plan.added().forEach((group) -> this.groups.addMember(group.id(), user.id(), now));
	}

	Role mapRole(Role current, List<String> roleClaim, List<Group> after) {
		RoleMapping mapping = this.settings.roleMapping();
		return switch (mapping.source()) {
			case NONE -> current;
			case CLAIM -> mapping.fromClaim(roleClaim);
			case GROUPS ->
				mapping.fromGroups(after.stream().map((g) -> g.key(this.settings.groupSync().matching())).toList());
		};
	}

	/** What became of a registration. */
	public sealed interface Result {

		/**
		 * @param user the new user
		 * @param plan the memberships made
		 */
		record Registered(User user, GroupSync.Plan plan) implements Result {
		}

		/** Refused by the sign-in's rules; nothing changed. */
		record Refused(RefusalReason reason, String message) implements Result {
		}

	}

}
