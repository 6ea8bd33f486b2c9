package dev.lanyard.provisioning.signin.application;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.lanyard.provisioning.directory.application.EventsUnavailableException;
import dev.lanyard.provisioning.directory.domain.ProvisioningEvent.LoginRefused;
import dev.lanyard.provisioning.directory.domain.ProvisioningEvent.MembershipChanged;
import dev.lanyard.provisioning.directory.domain.ProvisioningEvent.UserChanged;
import dev.lanyard.provisioning.directory.domain.RefusalReason;
import dev.lanyard.provisioning.fakes.InMemoryProvisioning;
import dev.lanyard.provisioning.fakes.RecordingEvents;
import dev.lanyard.provisioning.directory.domain.Group;
import dev.lanyard.provisioning.directory.domain.GroupMatching;
import dev.lanyard.provisioning.directory.domain.GroupProvisioning;
import dev.lanyard.provisioning.directory.domain.GroupSync;
import dev.lanyard.provisioning.directory.domain.ProfileField;
import dev.lanyard.provisioning.directory.domain.Role;
import dev.lanyard.provisioning.directory.domain.RoleMapping;
import dev.lanyard.provisioning.directory.domain.User;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SignInUserTest {

	private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

	private static final GroupSync MANUAL = new GroupSync(GroupProvisioning.MANUAL, GroupMatching.NAME);

	private final InMemoryProvisioning store = new InMemoryProvisioning();

	private final RecordingEvents events = new RecordingEvents();

	@Test
	void signInWhenNewUniqueIdThenRegisteredWithDefaultRoleAndUserChanged() {
		SignInAttempt login = TestSignIns.okta("sub-1", "ada", null);

		SignInOutcome outcome = signIn(RoleMapping.none(Role.PUBLISHER), MANUAL, true).signIn(login);

		assertThat(outcome).isInstanceOfSatisfying(SignInOutcome.Accepted.class, (accepted) -> {
			assertThat(accepted.registered()).isTrue();
			assertThat(accepted.user().username()).isEqualTo("ada");
			assertThat(accepted.user().role()).isEqualTo(Role.PUBLISHER);
			assertThat(accepted.user().version()).isEqualTo(1);
			assertThat(accepted.user().lastLoginAt()).isEqualTo(NOW);
		});
		UserChanged changed = this.events.published(UserChanged.class).getFirst();
		assertThat(changed.correlationId()).isEqualTo(login.correlationId());
		assertThat(changed.user().uniqueId()).isEqualTo("sub-1");
		assertThat(this.events.published()).hasSize(1);
	}

	@Test
	void signInWhenKnownUserThenVersionIncreasesAndUserChangedEvenWithoutChanges() {
		SignInUser signIn = signIn(RoleMapping.none(Role.VIEWER), MANUAL, true);
		SignInAttempt login = TestSignIns.okta("sub-1", "ada", null);
		signIn.signIn(login);

		signIn.signIn(TestSignIns.withGroups(login, null));

		List<UserChanged> changed = this.events.published(UserChanged.class);
		assertThat(changed).extracting((e) -> e.user().version()).containsExactly(1L, 2L);
		assertThat(this.store.allUsers()).hasSize(1);
	}

	@Test
	void signInWhenSameLoginEventTwiceThenAppliedOnce() {
		SignInUser signIn = signIn(RoleMapping.none(Role.VIEWER), MANUAL, true);
		SignInAttempt login = TestSignIns.okta("sub-1", "ada", null);

		signIn.signIn(login);
		SignInOutcome again = signIn.signIn(login);

		assertThat(again).isInstanceOf(SignInOutcome.AlreadyApplied.class);
		assertThat(this.events.published()).hasSize(1);
		assertThat(this.store.allUsers()).singleElement().extracting(User::version).isEqualTo(1L);
	}

	@Test
	void signInWhenEventsUnavailableThenNothingChangedAndRetryApplies() {
		SignInUser signIn = signIn(RoleMapping.none(Role.VIEWER), MANUAL, true);
		SignInAttempt login = TestSignIns.okta("sub-1", "ada", null);
		this.events.down(true);

		assertThatExceptionOfType(EventsUnavailableException.class).isThrownBy(() -> signIn.signIn(login));
		assertThat(this.store.allUsers()).isEmpty();

		this.events.down(false);
		assertThat(signIn.signIn(login)).isInstanceOf(SignInOutcome.Accepted.class);
		assertThat(this.store.allUsers()).hasSize(1);
	}

	@Test
	void signInWhenRetriedThenSameEventIds() {
		SignInAttempt login = TestSignIns.okta("sub-1", "ada", null);
		signIn(RoleMapping.none(Role.VIEWER), MANUAL, true).signIn(login);
		UUID first = this.events.published().getFirst().eventId();

		InMemoryProvisioning other = new InMemoryProvisioning();
		RecordingEvents otherEvents = new RecordingEvents();
		new SignInUser(other, other, other.userStore(), other.groupStore(), otherEvents,
				new SignInSettings(true, RoleMapping.none(Role.VIEWER), MANUAL), Clock.fixed(NOW, ZoneOffset.UTC),
				UUID::randomUUID, ManagedFields.NONE)
			.signIn(login);

		assertThat(otherEvents.published().getFirst().eventId()).isEqualTo(first);
	}

	@Test
	void signInWhenAppliedAgainAfterItsTransactionRolledBackThenTheSameUserAndGroupsAnnounced() {
		GroupSync auto = new GroupSync(GroupProvisioning.AUTO, GroupMatching.NAME);
		SignInAttempt login = TestSignIns.okta("sub-1", "ada", List.of("analysts", "admins"));
		signIn(RoleMapping.none(Role.VIEWER), auto, true).signIn(login);

		// killed after Kafka acknowledged the events, before the commit: the database is
		// as before and Kafka delivers the sign-in again
		InMemoryProvisioning rolledBack = new InMemoryProvisioning();
		RecordingEvents again = new RecordingEvents();
		new SignInUser(rolledBack, rolledBack, rolledBack.userStore(), rolledBack.groupStore(), again,
				new SignInSettings(true, RoleMapping.none(Role.VIEWER), auto), Clock.fixed(NOW, ZoneOffset.UTC),
				UUID::randomUUID, ManagedFields.NONE)
			.signIn(login);

		// the same events, naming the same user and groups: consumers that saw the first
		// ones (audit keeps one per event id) hold the user the database holds
		assertThat(again.published()).hasSize(3).isEqualTo(this.events.published());
		assertThat(rolledBack.allUsers()).isEqualTo(this.store.allUsers());
	}

	@Test
	void signInWhenRegistrationOffAndUnknownThenRefusedUnknownUser() {
		SignInAttempt login = TestSignIns.okta("sub-1", "ada", null);

		SignInOutcome outcome = signIn(RoleMapping.none(Role.VIEWER), MANUAL, false).signIn(login);

		assertThat(outcome).isInstanceOfSatisfying(SignInOutcome.Refused.class,
				(refused) -> assertThat(refused.reason()).isEqualTo(RefusalReason.UNKNOWN_USER));
		LoginRefused refused = this.events.published(LoginRefused.class).getFirst();
		assertThat(refused.correlationId()).isEqualTo(login.correlationId());
		assertThat(refused.loginEventId()).isEqualTo(login.loginEventId());
		assertThat(refused.message()).contains("administrator to create your account");
		assertThat(this.store.allUsers()).isEmpty();
	}

	@Test
	void signInWhenProviderTurnsRegistrationOffThenItWinsOverDefault() {
		SignInOutcome outcome = signIn(RoleMapping.none(Role.VIEWER), MANUAL, true)
			.signIn(TestSignIns.withRegistration(TestSignIns.okta("sub-1", "ada", null), false));
		assertThat(outcome).isInstanceOf(SignInOutcome.Refused.class);
	}

	@Test
	void signInWhenRegistrationOffAndUserCreatedAheadForThisIssuerThenAccepted() {
		User created = User.create(UUID.randomUUID(), "ada", TestSignIns.ISSUER, "sub-1", User.Profile.EMPTY,
				Role.PUBLISHER, NOW);
		this.store.userStore().insert(created);

		SignInOutcome outcome = signIn(RoleMapping.none(Role.VIEWER), MANUAL, false)
			.signIn(TestSignIns.okta("sub-1", "ada", null));

		assertThat(outcome).isInstanceOfSatisfying(SignInOutcome.Accepted.class, (accepted) -> {
			assertThat(accepted.user().id()).isEqualTo(created.id());
			assertThat(accepted.user().issuer()).isEqualTo(TestSignIns.ISSUER);
			assertThat(accepted.user().role()).isEqualTo(Role.PUBLISHER);
			assertThat(accepted.registered()).isFalse();
		});
	}

	@Test
	void signInWhenUserCreatedAheadForAnotherIssuerThenNotTakenOver() {
		User created = User.create(UUID.randomUUID(), "ceo", "https://other-idp.example.com", "sub-1",
				User.Profile.EMPTY, Role.ADMINISTRATOR, NOW);
		this.store.userStore().insert(created);

		SignInOutcome outcome = signIn(RoleMapping.none(Role.VIEWER), MANUAL, false)
			.signIn(TestSignIns.okta("sub-1", "ada", null));

		assertThat(outcome).isInstanceOfSatisfying(SignInOutcome.Refused.class,
				(refused) -> assertThat(refused.reason()).isEqualTo(RefusalReason.UNKNOWN_USER));
		assertThat(this.store.userStore().find(created.id())).get()
			.satisfies((user) -> assertThat(user.issuer()).isEqualTo("https://other-idp.example.com"));
	}

	@Test
	void signInWhenLegacyUserWithoutIssuerThenNotBoundToTheFirstProvider() {
		User legacy = User.create(UUID.randomUUID(), "ceo", null, "sub-1", User.Profile.EMPTY, Role.ADMINISTRATOR, NOW);
		this.store.userStore().insert(legacy);

		SignInOutcome outcome = signIn(RoleMapping.none(Role.VIEWER), MANUAL, false)
			.signIn(TestSignIns.okta("sub-1", "ada", null));

		assertThat(outcome).isInstanceOf(SignInOutcome.Refused.class);
	}

	@Test
	void signInWhenLockedThenRefusedLockedAndNothingChanged() {
		SignInUser signIn = signIn(RoleMapping.none(Role.VIEWER), MANUAL, true);
		SignInAttempt login = TestSignIns.okta("sub-1", "ada", null);
		signIn.signIn(login);
		User user = this.store.allUsers().getFirst();
		this.store.userStore().update(user.withLocked(true, NOW));

		SignInOutcome outcome = signIn.signIn(TestSignIns.withProfile(login, "ada", "new@example.com", "New", null));

		assertThat(outcome).isInstanceOfSatisfying(SignInOutcome.Refused.class, (refused) -> {
			assertThat(refused.reason()).isEqualTo(RefusalReason.LOCKED);
			assertThat(refused.userId()).isEqualTo(user.id());
		});
		assertThat(this.store.allUsers().getFirst().email()).isEqualTo("ada@example.com");
	}

	@Test
	void signInWhenClaimedUsernameReservedThenRefusedNamingRule() {
		SignInOutcome outcome = signIn(RoleMapping.none(Role.VIEWER), MANUAL, true)
			.signIn(TestSignIns.okta("sub-1", "login", null));

		assertThat(outcome).isInstanceOfSatisfying(SignInOutcome.Refused.class, (refused) -> {
			assertThat(refused.reason()).isEqualTo(RefusalReason.INVALID_USERNAME);
			assertThat(refused.message()).contains("reserved name");
		});
		assertThat(this.store.allUsers()).isEmpty();
	}

	@Test
	void signInWhenClaimedUsernameTakenByAnotherThenRefused() {
		SignInUser signIn = signIn(RoleMapping.none(Role.VIEWER), MANUAL, true);
		signIn.signIn(TestSignIns.okta("sub-1", "ada", null));

		SignInOutcome outcome = signIn.signIn(TestSignIns.okta("sub-2", "ADA", null));

		assertThat(outcome).isInstanceOfSatisfying(SignInOutcome.Refused.class,
				(refused) -> assertThat(refused.message()).contains("already used"));
	}

	@Test
	void signInWhenNoUsernameClaimThenDerivedFromEmailAndMadeUnique() {
		SignInUser signIn = signIn(RoleMapping.none(Role.VIEWER), MANUAL, true);
		signIn.signIn(TestSignIns.google("g-1", "grace@example.com"));
		signIn.signIn(TestSignIns.google("g-2", "grace@other.example.com"));

		assertThat(this.store.allUsers()).extracting(User::username).containsExactlyInAnyOrder("grace", "grace1");
	}

	@Test
	void signInWhenNoUsernameAndNoEmailThenRefusedUsernameMissing() {
		SignInOutcome outcome = signIn(RoleMapping.none(Role.VIEWER), MANUAL, true)
			.signIn(TestSignIns.google("g-1", null));
		assertThat(outcome).isInstanceOfSatisfying(SignInOutcome.Refused.class,
				(refused) -> assertThat(refused.reason()).isEqualTo(RefusalReason.USERNAME_MISSING));
	}

	@Test
	void signInWhenFieldsClaimedThenRefreshedOthersKept() {
		SignInUser signIn = signIn(RoleMapping.none(Role.VIEWER), MANUAL, true);
		SignInAttempt login = TestSignIns.okta("sub-1", "ada", null);
		signIn.signIn(login);

		signIn.signIn(
				TestSignIns.withProfile(login, "ada2", "ada@new.example.com", "Augusta", Set.of(ProfileField.EMAIL)));

		User user = this.store.allUsers().getFirst();
		assertThat(user.email()).isEqualTo("ada@new.example.com");
		assertThat(user.firstName()).isEqualTo("Ada");
		assertThat(user.username()).isEqualTo("ada");
		assertThat(user.claimedFields()).containsExactly(ProfileField.EMAIL);
	}

	@Test
	void signInWhenFieldsManagedElsewhereThenTheyStayClaimedBesideTheSignInsOwn() {
		SignInAttempt login = TestSignIns.okta("sub-1", "ada", null);
		signIn(RoleMapping.none(Role.VIEWER), MANUAL, true).signIn(login);
		SignInUser signIn = new SignInUser(this.store, this.store, this.store.userStore(), this.store.groupStore(),
				this.events, new SignInSettings(true, RoleMapping.none(Role.VIEWER), MANUAL),
				Clock.fixed(NOW, ZoneOffset.UTC), UUID::randomUUID,
				(userId) -> Set.of(ProfileField.FIRST_NAME, ProfileField.LAST_NAME));

		signIn.signIn(
				TestSignIns.withProfile(login, "ada", "ada@new.example.com", "Augusta", Set.of(ProfileField.EMAIL)));

		assertThat(this.store.allUsers().getFirst().claimedFields()).containsExactlyInAnyOrder(ProfileField.EMAIL,
				ProfileField.FIRST_NAME, ProfileField.LAST_NAME);
	}

	@Test
	void constructorWhenManagedFieldsNullThenNamesArgument() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SignInUser(this.store, this.store, this.store.userStore(), this.store.groupStore(),
					this.events, new SignInSettings(true, RoleMapping.none(Role.VIEWER), MANUAL),
					Clock.fixed(NOW, ZoneOffset.UTC), UUID::randomUUID, null))
			.withMessage("settings, clock, ids and managedFields cannot be null");
	}

	@Test
	void signInWhenUsernameClaimChangesThenUsernameRefreshed() {
		SignInUser signIn = signIn(RoleMapping.none(Role.VIEWER), MANUAL, true);
		SignInAttempt login = TestSignIns.okta("sub-1", "ada", null);
		signIn.signIn(login);

		signIn.signIn(TestSignIns.withProfile(login, "ada.l", "ada@example.com", "Ada", null));

		assertThat(this.store.allUsers().getFirst().username()).isEqualTo("ada.l");
	}

	@Test
	void signInWhenGroupsClaimThenMembershipsMadeEqualWithOneEventEach() {
		Group engineers = group("Engineers");
		Group sales = group("Sales");
		Group admins = group("Admins");
		SignInUser signIn = signIn(RoleMapping.none(Role.VIEWER), MANUAL, true);
		SignInAttempt login = TestSignIns.okta("sub-1", "ada", List.of("Engineers", "Sales", "Unknown"));
		signIn.signIn(login);
		this.events.clear();

		SignInOutcome outcome = signIn.signIn(TestSignIns.withGroups(login, List.of("Engineers", "Admins")));

		List<MembershipChanged> memberships = this.events.published(MembershipChanged.class);
		assertThat(memberships).extracting((e) -> e.group().name() + ":" + e.added())
			.containsExactlyInAnyOrder("Sales:false", "Admins:true");
		assertThat(memberships).allSatisfy((e) -> assertThat(e.correlationId()).isEqualTo(login.correlationId()));
		assertThat(this.events.published(UserChanged.class).getFirst().groupIds())
			.containsExactlyInAnyOrder(engineers.id(), admins.id());
		assertThat(((SignInOutcome.Accepted) outcome).groups()).doesNotContain(sales);
	}

	@Test
	void signInWhenGroupsClaimAbsentThenMembershipsUntouched() {
		group("Engineers");
		SignInUser signIn = signIn(RoleMapping.none(Role.VIEWER), MANUAL, true);
		SignInAttempt login = TestSignIns.okta("sub-1", "ada", List.of("Engineers"));
		signIn.signIn(login);
		this.events.clear();

		signIn.signIn(TestSignIns.withGroups(login, null));

		assertThat(this.events.published(MembershipChanged.class)).isEmpty();
		assertThat(this.events.published(UserChanged.class).getFirst().groupIds()).hasSize(1);
	}

	@Test
	void signInWhenAutoProvisioningThenUnknownGroupCreatedAndKeptAfterLastMemberLeaves() {
		SignInUser signIn = signIn(RoleMapping.none(Role.VIEWER),
				new GroupSync(GroupProvisioning.AUTO, GroupMatching.NAME), true);
		SignInAttempt login = TestSignIns.okta("sub-1", "ada", List.of("Data Science"));
		signIn.signIn(login);

		signIn.signIn(TestSignIns.withGroups(login, List.of()));

		assertThat(this.store.groupStore().all()).extracting(Group::name).containsExactly("Data Science");
		assertThat(this.events.published(MembershipChanged.class)).extracting(MembershipChanged::added)
			.containsExactly(true, false);
	}

	@Test
	void signInWhenMatchingByUniqueIdThenGroupsFoundByUniqueId() {
		Group admins = new Group(UUID.randomUUID(), "Admins", "0d5c-aa", NOW);
		this.store.groupStore().insert(admins);
		SignInUser signIn = signIn(RoleMapping.none(Role.VIEWER),
				new GroupSync(GroupProvisioning.MANUAL, GroupMatching.UNIQUE_ID), true);

		signIn.signIn(TestSignIns.okta("sub-1", "ada", List.of("0d5c-aa", "Admins")));

		assertThat(this.events.published(MembershipChanged.class)).singleElement()
			.satisfies((e) -> assertThat(e.group()).isEqualTo(admins));
	}

	@Test
	void signInWhenRoleClaimMappedThenMostPrivilegedRole() {
		RoleMapping mapping = new RoleMapping(RoleMapping.Source.CLAIM, Map.of(Role.ADMINISTRATOR, Set.of("admins")),
				false, Role.VIEWER);
		SignInUser signIn = signIn(mapping, MANUAL, true);
		SignInAttempt login = TestSignIns.withRoleClaim(TestSignIns.okta("sub-1", "ada", null),
				List.of("publisher", "admins"));

		signIn.signIn(login);
		assertThat(this.store.allUsers().getFirst().role()).isEqualTo(Role.ADMINISTRATOR);

		signIn.signIn(TestSignIns.withRoleClaim(login, List.of("publisher")));
		assertThat(this.store.allUsers().getFirst().role()).isEqualTo(Role.PUBLISHER);
	}

	@Test
	void signInWhenRolesFromGroupsThenMappedFromMemberships() {
		group("Publishers");
		RoleMapping mapping = new RoleMapping(RoleMapping.Source.GROUPS, Map.of(Role.PUBLISHER, Set.of("Publishers")),
				false, Role.VIEWER);
		SignInUser signIn = signIn(mapping, MANUAL, true);
		SignInAttempt login = TestSignIns.okta("sub-1", "ada", List.of("Publishers"));

		signIn.signIn(login);
		assertThat(this.store.allUsers().getFirst().role()).isEqualTo(Role.PUBLISHER);

		signIn.signIn(TestSignIns.withGroups(login, List.of()));
		assertThat(this.store.allUsers().getFirst().role()).isEqualTo(Role.VIEWER);
	}

	@Test
	void signInWhenAttemptNullThenNamesArgument() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> signIn(RoleMapping.none(Role.VIEWER), MANUAL, true).signIn(null))
			.withMessage("attempt cannot be null");
	}

	private Group group(String name) {
		Group group = new Group(UUID.randomUUID(), name, null, NOW);
		this.store.groupStore().insert(group);
		return group;
	}

	private SignInUser signIn(RoleMapping mapping, GroupSync sync, boolean register) {
		return new SignInUser(this.store, this.store, this.store.userStore(), this.store.groupStore(), this.events,
				new SignInSettings(register, mapping, sync), Clock.fixed(NOW, ZoneOffset.UTC), UUID::randomUUID,
				ManagedFields.NONE);
	}

}
