package dev.lanyard.provisioning.signin.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import dev.lanyard.platform.ids.SignInAnswers;
import dev.lanyard.provisioning.directory.application.EventPublisher;
import dev.lanyard.provisioning.directory.domain.ProvisioningEvent;
import dev.lanyard.provisioning.directory.domain.RefusalReason;
import dev.lanyard.provisioning.directory.application.GroupStore;
import dev.lanyard.provisioning.directory.domain.AccessGroups;
import dev.lanyard.provisioning.directory.domain.Group;
import dev.lanyard.provisioning.directory.domain.GroupSync;
import dev.lanyard.provisioning.signin.application.SignInOutcome.Accepted;
import dev.lanyard.provisioning.signin.application.SignInOutcome.Refused;
import dev.lanyard.provisioning.shared.application.Transactions;
import dev.lanyard.provisioning.directory.application.UserStore;
import dev.lanyard.provisioning.directory.domain.ProfileField;
import dev.lanyard.provisioning.directory.domain.User;

/**
 * Turns a sign-in into user state: registers or updates the user, refreshes claimed
 * profile fields (those the sign-in claims, plus those a SCIM client manages: see
 * {@link ManagedFields}), syncs memberships and maps the role, or refuses the sign-in. In
 * one transaction it records the login event as applied, changes the user and publishes
 * the outcome (UserChanged plus one MembershipChanged per membership, or LoginRefused),
 * committing only once Kafka acknowledged them. Event ids derive from the login event's
 * id, so a retried attempt publishes the same ids.
 */
public final class SignInUser {

	private final Transactions transactions;

	private final ProcessedSignIns processed;

	private final UserStore users;

	private final GroupStore groups;

	private final EventPublisher events;

	private final SignInSettings settings;

	private final Clock clock;

	private final ManagedFields managedFields;

	private final Registration registration;

	public SignInUser(Transactions transactions, ProcessedSignIns processed, UserStore users, GroupStore groups,
			EventPublisher events, SignInSettings settings, Clock clock, Supplier<UUID> ids,
			ManagedFields managedFields) {
		if (transactions == null || processed == null || users == null || groups == null || events == null) {
			throw new IllegalArgumentException("transactions, processed, users, groups and events cannot be null");
		}
		if (settings == null || clock == null || ids == null || managedFields == null) {
			throw new IllegalArgumentException("settings, clock, ids and managedFields cannot be null");
		}
		this.transactions = transactions;
		this.processed = processed;
		this.users = users;
		this.groups = groups;
		this.events = events;
		this.settings = settings;
		this.clock = clock;
		this.managedFields = managedFields;
		this.registration = new Registration(users, groups, settings, ids);
	}

	public SignInOutcome signIn(SignInAttempt attempt) {
		if (attempt == null) {
			throw new IllegalArgumentException("attempt cannot be null");
		}
		return this.transactions.inTransaction(() -> {
			Instant now = this.clock.instant();
			if (!this.processed.markProcessed(attempt.loginEventId(), now)) {
				return new SignInOutcome.AlreadyApplied();
			}
			SignInOutcome outcome = decide(attempt, now);
			this.events.publish(eventsOf(attempt, outcome, now));
			return outcome;
		});
	}

	private SignInOutcome decide(SignInAttempt attempt, Instant now) {
		Optional<User> existing = this.users.findByIdentityForUpdate(attempt.issuer(), attempt.uniqueId());
		if (existing.isEmpty()) {
			boolean registers = (attempt.registerOnFirstLogin() != null) ? attempt.registerOnFirstLogin()
					: this.settings.registerOnFirstLogin();
			if (!registers) {
				return new Refused(RefusalReason.UNKNOWN_USER, "You have no Lanyard account, and signing in through "
						+ attempt.provider() + " does not create one. Ask an administrator to create your account.",
						null);
			}
			return register(attempt, now);
		}
		User user = existing.get();
		// a user the access-group rule deactivated may sign in again once back in such a
		// group
		boolean ruleMayReactivate = this.settings.accessGroups().mayReactivate(user) && attempt.groups() != null;
		if (!user.active() && !ruleMayReactivate) {
			return new Refused(RefusalReason.DEACTIVATED,
					"Your Lanyard account is deactivated. Ask an administrator to reactivate it.", user.id());
		}
		if (user.locked()) {
			return new Refused(RefusalReason.LOCKED,
					"Your Lanyard account is locked. Ask an administrator to unlock it.", user.id());
		}
		return update(user, attempt, now);
	}

	private SignInOutcome register(SignInAttempt attempt, Instant now) {
		Registration.Result result = this.registration.register(new NewUserClaims(attempt.issuer(), attempt.uniqueId(),
				attempt.username(), attempt.email(), attempt.firstName(), attempt.lastName(), attempt.groups(),
				attempt.roleClaim(), attempt.claimedFields()), now, attempt.loginEventId());
		return switch (result) {
			case Registration.Result.Registered registered -> new Accepted(registered.user(), true,
					registered.plan().after(), registered.plan().added(), registered.plan().removed());
			case Registration.Result.Refused refused -> new Refused(refused.reason(), refused.message(), null);
		};
	}

	private SignInOutcome update(User user, SignInAttempt attempt, Instant now) {
		String username = user.username();
		if (attempt.claims(ProfileField.USERNAME) && attempt.username() != null
				&& !attempt.username().equals(username)) {
			Optional<Registration.Result.Refused> refused = this.registration.refuseClaimedUsername(attempt.username(),
					user.id());
			if (refused.isPresent()) {
				return new Refused(refused.get().reason(), refused.get().message(), user.id());
			}
			username = attempt.username();
		}
		User.Profile profile = user.profile();
		for (ProfileField field : List.of(ProfileField.EMAIL, ProfileField.FIRST_NAME, ProfileField.LAST_NAME)) {
			if (attempt.claims(field)) {
				profile = profile.with(field, claimed(attempt, field));
			}
		}
		List<Group> current = this.groups.groupsOf(user.id());
		GroupSync.Plan plan = (attempt.groups() != null)
				? this.registration.planGroups(attempt.groups(), current, now, attempt.loginEventId())
				: new GroupSync.Plan(List.of(), List.of(), List.of(), current);
		User changed = user.changed(username, attempt.issuer(), profile,
				this.registration.mapRole(user.role(), attempt.roleClaim(), plan.after()), user.locked(),
				claimedFields(user, attempt), now, now);
		this.users.update(changed);
		this.registration.applyGroups(changed, plan, now);
		User ruled = this.settings.accessGroups().apply(changed, plan.after(), now);
		if (ruled != changed) {
			this.users.update(ruled);
		}
		if (!ruled.active()) {
			return new SignInOutcome.Deactivated(ruled, user.active(), plan.after(), plan.added(), plan.removed(),
					"You are in none of the groups that grant access to Lanyard, so your account is deactivated."
							+ " Ask an administrator for access.");
		}
		return new Accepted(ruled, false, plan.after(), plan.added(), plan.removed());
	}

	/** What the sign-in claims, plus what another source (SCIM) manages for the user. */
	private Set<ProfileField> claimedFields(User user, SignInAttempt attempt) {
		Set<ProfileField> managed = this.managedFields.of(user.id());
		if (managed.isEmpty()) {
			return attempt.claimedFields();
		}
		Set<ProfileField> claimed = EnumSet.noneOf(ProfileField.class);
		claimed.addAll(attempt.claimedFields());
		claimed.addAll(managed);
		return claimed;
	}

	private static String claimed(SignInAttempt attempt, ProfileField field) {
		return switch (field) {
			case EMAIL -> attempt.email();
			case FIRST_NAME -> attempt.firstName();
			case LAST_NAME -> attempt.lastName();
			case USERNAME -> attempt.username();
		};
	}

	private static List<ProvisioningEvent> eventsOf(SignInAttempt attempt, SignInOutcome outcome, Instant now) {
		List<ProvisioningEvent> events = new ArrayList<>();
		String correlationId = attempt.correlationId();
		switch (outcome) {
			case Accepted accepted -> {
				String actor = accepted.user().id().toString();
				memberships(events, attempt, actor, accepted.user(), accepted.added(), accepted.removed(), now);
				events.add(new ProvisioningEvent.UserChanged(eventId(attempt, SignInAnswers.USER_CHANGED), now,
						correlationId, actor, accepted.user(), accepted.groups().stream().map(Group::id).toList()));
			}
			case SignInOutcome.Deactivated deactivated -> {
				String actor = deactivated.user().id().toString();
				memberships(events, attempt, actor, deactivated.user(), deactivated.added(), deactivated.removed(),
						now);
				if (deactivated.deactivated()) {
					events.add(new ProvisioningEvent.UserDeactivated(eventId(attempt, "deactivated"), now,
							correlationId, actor, deactivated.user().id(), AccessGroups.NO_ACCESS_GROUP));
				}
				// not the sign-in's answer (that is the refusal): the gateway must not
				// take
				// this snapshot for an accepted sign-in
				events.add(new ProvisioningEvent.UserChanged(eventId(attempt, "deactivated-user-changed"), now,
						correlationId, actor, deactivated.user(),
						deactivated.groups().stream().map(Group::id).toList()));
				events.add(new ProvisioningEvent.LoginRefused(eventId(attempt, SignInAnswers.REFUSED), now,
						correlationId, attempt.loginEventId(), attempt.provider(), attempt.issuer(), attempt.uniqueId(),
						deactivated.user().id(), attempt.sessionId(), RefusalReason.DEACTIVATED,
						deactivated.message()));
			}
			case Refused refused ->
				events.add(new ProvisioningEvent.LoginRefused(eventId(attempt, SignInAnswers.REFUSED), now,
						correlationId, attempt.loginEventId(), attempt.provider(), attempt.issuer(), attempt.uniqueId(),
						refused.userId(), attempt.sessionId(), refused.reason(), refused.message()));
			case SignInOutcome.AlreadyApplied applied -> {
			}
		}
		return events;
	}

	private static void memberships(List<ProvisioningEvent> events, SignInAttempt attempt, String actor, User user,
			List<Group> added, List<Group> removed, Instant now) {
		for (Group group : removed) {
			events.add(new ProvisioningEvent.MembershipChanged(eventId(attempt, "removed/" + group.id()), now,
					attempt.correlationId(), actor, user.id(), group, false));
		}
		for (Group group : added) {
			events.add(new ProvisioningEvent.MembershipChanged(eventId(attempt, "added/" + group.id()), now,
					attempt.correlationId(), actor, user.id(), group, true));
		}
	}

	private static UUID eventId(SignInAttempt attempt, String purpose) {
		return SignInAnswers.eventId(attempt.loginEventId(), purpose);
	}

}
