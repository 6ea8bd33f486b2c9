package dev.lanyard.provisioning.directory.application;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.lanyard.provisioning.directory.domain.ProvisioningEvent.UserChanged;
import dev.lanyard.provisioning.fakes.InMemoryProvisioning;
import dev.lanyard.provisioning.fakes.RecordingEvents;
import dev.lanyard.provisioning.shared.application.Actor;
import dev.lanyard.provisioning.shared.application.RequestRejectedException;
import dev.lanyard.provisioning.shared.application.RequestRejectedException.Kind;
import dev.lanyard.provisioning.directory.domain.ProfileField;
import dev.lanyard.provisioning.directory.domain.Role;
import dev.lanyard.provisioning.directory.domain.RoleMapping;
import dev.lanyard.provisioning.directory.domain.User;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ManageUsersTest {

	private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

	private static final Actor ADMIN = new Actor("admin-1", "corr-1");

	private final InMemoryProvisioning store = new InMemoryProvisioning();

	private final RecordingEvents events = new RecordingEvents();

	private final ManageUsers users = manageUsers(RoleMapping.none(Role.VIEWER));

	@Test
	void createWhenUniqueIdAndEmailThenUsernameDerivedAndUserChangedByActor() {
		UserDetails created = this.users.create(
				new CreateUser("sub-1", "https://idp.example.com", null, "ada@example.com", "Ada", null, null), ADMIN);

		assertThat(created.user().username()).isEqualTo("ada");
		assertThat(created.user().role()).isEqualTo(Role.VIEWER);
		UserChanged changed = this.events.published(UserChanged.class).getFirst();
		assertThat(changed.actorId()).isEqualTo("admin-1");
		assertThat(changed.correlationId()).isEqualTo("corr-1");
		assertThat(changed.user().version()).isEqualTo(1);
	}

	@Test
	void createWhenUniqueIdTakenThenConflict() {
		this.users.create(new CreateUser("sub-1", "https://idp.example.com", "ada", null, null, null, null), ADMIN);
		assertThatExceptionOfType(RequestRejectedException.class)
			.isThrownBy(() -> this.users
				.create(new CreateUser("sub-1", "https://idp.example.com", "grace", null, null, null, null), ADMIN))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.CONFLICT));
	}

	@Test
	void createWhenUsernameInvalidThenInvalidNamingRuleAndNothingStored() {
		assertThatExceptionOfType(RequestRejectedException.class)
			.isThrownBy(() -> this.users
				.create(new CreateUser("sub-1", "https://idp.example.com", "1ada", null, null, null, null), ADMIN))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.INVALID))
			.withMessageContaining("must start with a letter");
		assertThat(this.store.allUsers()).isEmpty();
		assertThat(this.events.published()).isEmpty();
	}

	@Test
	void createWhenNeitherUsernameNorEmailThenInvalid() {
		assertThatExceptionOfType(RequestRejectedException.class)
			.isThrownBy(() -> this.users
				.create(new CreateUser("sub-1", "https://idp.example.com", null, null, null, null, null), ADMIN))
			.withMessage("username or email is required");
	}

	@Test
	void createWhenRoleMappedAndRoleGivenThenConflict() {
		ManageUsers mapped = manageUsers(new RoleMapping(RoleMapping.Source.CLAIM, Map.of(), false, Role.VIEWER));
		assertThatExceptionOfType(RequestRejectedException.class)
			.isThrownBy(() -> mapped.create(
					new CreateUser("sub-1", "https://idp.example.com", "ada", null, null, null, "publisher"), ADMIN))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.CONFLICT));
	}

	@Test
	void createWhenKafkaDownThenNothingStored() {
		this.events.down(true);
		assertThatExceptionOfType(EventsUnavailableException.class).isThrownBy(() -> this.users
			.create(new CreateUser("sub-1", "https://idp.example.com", "ada", null, null, null, null), ADMIN));
		assertThat(this.store.allUsers()).isEmpty();
	}

	@Test
	void editWhenEditableFieldsThenChangedAndVersionIncreased() {
		User user = this.users
			.create(new CreateUser("sub-1", "https://idp.example.com", "ada", null, null, null, null), ADMIN)
			.user();

		UserDetails edited = this.users.edit(user.id(),
				Map.of("email", "ada@example.com", "role", "publisher", "username", "ada.l"), ADMIN);

		assertThat(edited.user().email()).isEqualTo("ada@example.com");
		assertThat(edited.user().role()).isEqualTo(Role.PUBLISHER);
		assertThat(edited.user().username()).isEqualTo("ada.l");
		assertThat(edited.user().version()).isEqualTo(2);
		assertThat(this.events.published(UserChanged.class)).hasSize(2);
	}

	@Test
	void editWhenValueNullThenFieldCleared() {
		User user = this.users
			.create(new CreateUser("sub-1", "https://idp.example.com", "ada", "ada@example.com", null, null, null),
					ADMIN)
			.user();
		Map<String, String> changes = new HashMap<>();
		changes.put("email", null);

		assertThat(this.users.edit(user.id(), changes, ADMIN).user().email()).isNull();
	}

	@Test
	void editWhenFieldClaimedThenConflictAndNothingChanged() {
		User user = claimedUser(Set.of(ProfileField.EMAIL));

		assertThatExceptionOfType(RequestRejectedException.class)
			.isThrownBy(() -> this.users.edit(user.id(), Map.of("firstName", "A", "email", "x@example.com"), ADMIN))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.CONFLICT))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("email"));
		assertThat(this.store.userStore().find(user.id()).orElseThrow().firstName()).isNull();
		assertThat(this.events.published()).isEmpty();
	}

	@Test
	void editWhenRoleMappedThenConflict() {
		ManageUsers mapped = manageUsers(new RoleMapping(RoleMapping.Source.CLAIM, Map.of(), false, Role.VIEWER));
		User user = claimedUser(Set.of());
		assertThatExceptionOfType(RequestRejectedException.class)
			.isThrownBy(() -> mapped.edit(user.id(), Map.of("role", "administrator"), ADMIN))
			.withMessageContaining("role mapping");
	}

	@Test
	void editWhenUnknownFieldThenInvalid() {
		User user = claimedUser(Set.of());
		assertThatExceptionOfType(RequestRejectedException.class)
			.isThrownBy(() -> this.users.edit(user.id(), Map.of("locked", "true"), ADMIN))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.INVALID));
	}

	@Test
	void editWhenUsernameTakenThenConflict() {
		this.users.create(new CreateUser("sub-1", "https://idp.example.com", "ada", null, null, null, null), ADMIN);
		User grace = this.users
			.create(new CreateUser("sub-2", "https://idp.example.com", "grace", null, null, null, null), ADMIN)
			.user();
		assertThatExceptionOfType(RequestRejectedException.class)
			.isThrownBy(() -> this.users.edit(grace.id(), Map.of("username", "Ada"), ADMIN))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.CONFLICT));
	}

	@Test
	void editWhenUserUnknownThenNotFound() {
		assertThatExceptionOfType(RequestRejectedException.class)
			.isThrownBy(() -> this.users.edit(UUID.randomUUID(), Map.of("email", "a@b"), ADMIN))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.NOT_FOUND));
	}

	@Test
	void lockWhenUnlockedThenLockedSnapshotPublished() {
		User user = claimedUser(Set.of());

		assertThat(this.users.lock(user.id(), ADMIN).user().locked()).isTrue();
		assertThat(this.events.published(UserChanged.class).getLast().user().locked()).isTrue();

		assertThat(this.users.unlock(user.id(), ADMIN).user().locked()).isFalse();
		assertThat(this.events.published(UserChanged.class)).hasSize(2);
	}

	@Test
	void lockWhenAlreadyLockedThenNoEvent() {
		User user = claimedUser(Set.of());
		this.users.lock(user.id(), ADMIN);
		this.users.lock(user.id(), ADMIN);
		assertThat(this.events.published(UserChanged.class)).hasSize(1);
	}

	@Test
	void listWhenMoreThanLimitThenPagesWithCursor() {
		for (String name : new String[] { "carol", "alice", "bob" }) {
			this.users.create(new CreateUser("sub-" + name, "https://idp.example.com", name, null, null, null, null),
					ADMIN);
		}
		UserPage first = this.users.list(null, 2, null);
		assertThat(first.users()).extracting(User::username).containsExactly("alice", "bob");
		UserPage second = this.users.list(null, 2, first.next());
		assertThat(second.users()).extracting(User::username).containsExactly("carol");
		assertThat(second.next()).isNull();
	}

	@Test
	void listWhenLimitOutOfRangeThenInvalid() {
		assertThatExceptionOfType(RequestRejectedException.class).isThrownBy(() -> this.users.list(null, 0, null))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("limit"));
	}

	private User claimedUser(Set<ProfileField> claimed) {
		User user = new User(UUID.randomUUID(), "user" + this.store.allUsers().size(), "https://idp", "sub-x" + claimed,
				null, null, null, Role.VIEWER, false, true, claimed, 1, NOW, NOW, null);
		this.store.userStore().insert(user);
		return user;
	}

	private ManageUsers manageUsers(RoleMapping mapping) {
		return new ManageUsers(this.store, this.store.userStore(), this.store.groupStore(), this.events, mapping,
				Clock.fixed(NOW, ZoneOffset.UTC), UUID::randomUUID);
	}

	@Test
	void createWhenNoIssuerThenInvalidRequestNamingIt() {
		assertThatExceptionOfType(RequestRejectedException.class)
			.isThrownBy(() -> this.users.create(new CreateUser("sub-1", null, "ada", null, null, null, null), ADMIN))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("issuer"));
	}

}
