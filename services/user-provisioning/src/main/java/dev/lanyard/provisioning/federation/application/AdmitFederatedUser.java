package dev.lanyard.provisioning.federation.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import dev.lanyard.provisioning.directory.application.EventPublisher;
import dev.lanyard.provisioning.directory.application.UserStore;
import dev.lanyard.provisioning.directory.domain.Group;
import dev.lanyard.provisioning.directory.domain.ProfileField;
import dev.lanyard.provisioning.directory.domain.ProvisioningEvent;
import dev.lanyard.provisioning.directory.domain.User;
import dev.lanyard.provisioning.shared.application.Actor;
import dev.lanyard.provisioning.shared.application.Transactions;
import dev.lanyard.provisioning.signin.application.NewUserClaims;
import dev.lanyard.provisioning.signin.application.Registration;

/**
 * Just-in-time creation for identity federation (token-broker, for a trust rule with
 * {@code createUsers}): the user bound to the identity (issuer, unique id) when there is
 * one — idempotent, so a retried call finds the user the first one made — else a new user
 * registered by the sign-in's own rules ({@link Registration}), or the refusal a sign-in
 * would get. A new user's UserChanged (and one MembershipChanged per group) names the
 * caller as actor and is acknowledged before the commit.
 */
public final class AdmitFederatedUser {

	private final Transactions transactions;

	private final UserStore users;

	private final Registration registration;

	private final EventPublisher events;

	private final Clock clock;

	private final Supplier<UUID> ids;

	public AdmitFederatedUser(Transactions transactions, UserStore users, Registration registration,
			EventPublisher events, Clock clock, Supplier<UUID> ids) {
		if (transactions == null || users == null || registration == null || events == null) {
			throw new IllegalArgumentException("transactions, users, registration and events cannot be null");
		}
		if (clock == null || ids == null) {
			throw new IllegalArgumentException("clock and ids cannot be null");
		}
		this.transactions = transactions;
		this.users = users;
		this.registration = registration;
		this.events = events;
		this.clock = clock;
		this.ids = ids;
	}

	public FederatedUserOutcome admit(FederatedUserRequest request, Actor actor) {
		if (request == null || actor == null) {
			throw new IllegalArgumentException("request and actor cannot be null");
		}
		return this.transactions.inTransaction(() -> {
			Optional<User> existing = this.users.findByIdentityForUpdate(request.issuer(), request.uniqueId());
			if (existing.isPresent()) {
				return new FederatedUserOutcome.Admitted(existing.get(), false);
			}
			Instant now = this.clock.instant();
			Registration.Result result = this.registration.register(claims(request), now);
			return switch (result) {
				case Registration.Result.Refused refused ->
					new FederatedUserOutcome.Refused(refused.reason(), refused.message());
				case Registration.Result.Registered registered -> {
					this.events.publish(eventsOf(registered, actor, now));
					yield new FederatedUserOutcome.Admitted(registered.user(), true);
				}
			};
		});
	}

	private List<ProvisioningEvent> eventsOf(Registration.Result.Registered registered, Actor actor, Instant now) {
		User user = registered.user();
		List<ProvisioningEvent> events = new ArrayList<>();
		for (Group group : registered.plan().added()) {
			events.add(new ProvisioningEvent.MembershipChanged(this.ids.get(), now, actor.correlationId(),
					actor.actorId(), user.id(), group, true));
		}
		events.add(new ProvisioningEvent.UserChanged(this.ids.get(), now, actor.correlationId(), actor.actorId(), user,
				registered.plan().after().stream().map(Group::id).toList()));
		return events;
	}

	/**
	 * The fields the token supplied become claimed, so a later sign-in through the same
	 * provider keeps them current and the admin API does not edit them.
	 */
	private static NewUserClaims claims(FederatedUserRequest request) {
		Set<ProfileField> claimed = EnumSet.noneOf(ProfileField.class);
		if (request.username() != null) {
			claimed.add(ProfileField.USERNAME);
		}
		if (request.email() != null) {
			claimed.add(ProfileField.EMAIL);
		}
		if (request.firstName() != null) {
			claimed.add(ProfileField.FIRST_NAME);
		}
		if (request.lastName() != null) {
			claimed.add(ProfileField.LAST_NAME);
		}
		return new NewUserClaims(request.issuer(), request.uniqueId(), request.username(), request.email(),
				request.firstName(), request.lastName(), request.groups(), null, claimed);
	}

}
