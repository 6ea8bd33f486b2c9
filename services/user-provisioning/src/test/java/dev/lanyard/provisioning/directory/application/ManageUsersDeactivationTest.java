package dev.lanyard.provisioning.directory.application;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.lanyard.provisioning.directory.domain.Group;
import dev.lanyard.provisioning.directory.domain.ProvisioningEvent.MembershipChanged;
import dev.lanyard.provisioning.directory.domain.ProvisioningEvent.UserChanged;
import dev.lanyard.provisioning.directory.domain.ProvisioningEvent.UserDeactivated;
import dev.lanyard.provisioning.directory.domain.Role;
import dev.lanyard.provisioning.directory.domain.RoleMapping;
import dev.lanyard.provisioning.directory.domain.User;
import dev.lanyard.provisioning.fakes.InMemoryProvisioning;
import dev.lanyard.provisioning.fakes.RecordingEvents;
import dev.lanyard.provisioning.shared.application.Actor;
import dev.lanyard.provisioning.shared.application.RequestRejectedException;
import dev.lanyard.provisioning.shared.application.RequestRejectedException.Kind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ManageUsersDeactivationTest {

	private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

	private static final Actor ADMIN = new Actor("admin-1", "corr-1");

	private final InMemoryProvisioning store = new InMemoryProvisioning();

	private final RecordingEvents events = new RecordingEvents();

	private final ManageUsers users = new ManageUsers(this.store, this.store.userStore(), this.store.groupStore(),
			this.events, RoleMapping.none(Role.VIEWER), Clock.fixed(NOW, ZoneOffset.UTC), UUID::randomUUID);

	private User ada;

	@BeforeEach
	void ada() {
		this.ada = this.users
			.create(new CreateUser("sub-1", "https://idp.example.com", "ada", null, null, null, null), ADMIN)
			.user();
		this.events.clear();
	}

	@Test
	void deactivateWhenActiveThenUserDeactivatedThenInactiveUserChangedByActor() {
		UserDetails details = this.users.deactivate(this.ada.id(), "admin-deactivated", ADMIN);

		assertThat(details.user().active()).isFalse();
		assertThat(details.user().deactivation().reason()).isEqualTo("admin-deactivated");
		assertThat(this.events.published()).hasSize(2);
		UserDeactivated deactivated = (UserDeactivated) this.events.published().get(0);
		assertThat(deactivated.userId()).isEqualTo(this.ada.id());
		assertThat(deactivated.reason()).isEqualTo("admin-deactivated");
		assertThat(deactivated.actorId()).isEqualTo("admin-1");
		assertThat(deactivated.correlationId()).isEqualTo("corr-1");
		UserChanged changed = (UserChanged) this.events.published().get(1);
		assertThat(changed.user().active()).isFalse();
		assertThat(changed.user().version()).isEqualTo(this.ada.version() + 1);
		assertThat(this.users.get(this.ada.id()).user().active()).isFalse();
	}

	@Test
	void deactivateWhenInactiveThenNothingPublished() {
		this.users.deactivate(this.ada.id(), "scim-deactivated", ADMIN);
		this.events.clear();

		UserDetails details = this.users.deactivate(this.ada.id(), "admin-deactivated", ADMIN);

		assertThat(details.user().deactivation().reason()).isEqualTo("scim-deactivated");
		assertThat(this.events.published()).isEmpty();
	}

	@Test
	void deactivateWhenEventsUnavailableThenUserStaysActive() {
		this.events.down(true);

		assertThatExceptionOfType(EventsUnavailableException.class)
			.isThrownBy(() -> this.users.deactivate(this.ada.id(), "admin-deactivated", ADMIN));
		assertThat(this.users.get(this.ada.id()).user().active()).isTrue();
	}

	@Test
	void deactivateWhenReasonBlankThenInvalidNamingReason() {
		assertThatExceptionOfType(RequestRejectedException.class)
			.isThrownBy(() -> this.users.deactivate(this.ada.id(), " ", ADMIN))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("reason"));
		assertThat(this.events.published()).isEmpty();
	}

	@Test
	void deactivateWhenUnknownUserThenNotFound() {
		assertThatExceptionOfType(RequestRejectedException.class)
			.isThrownBy(() -> this.users.deactivate(UUID.randomUUID(), "admin-deactivated", ADMIN))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.NOT_FOUND));
	}

	@Test
	void deactivateWhenActorNullThenIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.users.deactivate(this.ada.id(), "x", null))
			.withMessage("actor cannot be null");
	}

	@Test
	void reactivateWhenInactiveThenActiveUserChanged() {
		this.users.deactivate(this.ada.id(), "admin-deactivated", ADMIN);
		this.events.clear();

		UserDetails details = this.users.reactivate(this.ada.id(), ADMIN);

		assertThat(details.user().active()).isTrue();
		assertThat(details.user().deactivation()).isNull();
		assertThat(this.events.published()).singleElement()
			.satisfies((event) -> assertThat(((UserChanged) event).user().active()).isTrue());
	}

	@Test
	void reactivateWhenActiveThenNothingPublished() {
		this.users.reactivate(this.ada.id(), ADMIN);

		assertThat(this.events.published()).isEmpty();
	}

	@Test
	void deleteWhenActiveThenDeactivatedAsDeletedMembershipsEndedAndHidden() {
		Group staff = new Group(UUID.randomUUID(), "staff", null, NOW);
		this.store.groupStore().insert(staff);
		this.store.groupStore().addMember(staff.id(), this.ada.id(), NOW);

		this.users.delete(this.ada.id(), ADMIN);

		assertThat(this.events.published()).hasSize(3);
		assertThat(this.events.published().get(0)).isInstanceOfSatisfying(UserDeactivated.class,
				(event) -> assertThat(event.reason()).isEqualTo("deleted"));
		assertThat(this.events.published().get(1)).isInstanceOfSatisfying(MembershipChanged.class,
				(event) -> assertThat(event.added()).isFalse());
		assertThat(this.events.published().get(2)).isInstanceOfSatisfying(UserChanged.class, (event) -> {
			assertThat(event.user().active()).isFalse();
			assertThat(event.groupIds()).isEmpty();
		});
		assertThatExceptionOfType(RequestRejectedException.class).isThrownBy(() -> this.users.get(this.ada.id()))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.NOT_FOUND));
		assertThat(this.users.list(null, 10, null).users()).isEmpty();
		assertThat(this.store.stored(this.ada.id())).hasValueSatisfying((user) -> {
			assertThat(user.deletedAt()).isEqualTo(NOW);
			assertThat(user.deactivation().reason()).isEqualTo("deleted");
		});
	}

	@Test
	void deleteWhenInactiveThenNoSecondUserDeactivatedAndReasonKept() {
		this.users.deactivate(this.ada.id(), "scim-deactivated", ADMIN);
		this.events.clear();

		this.users.delete(this.ada.id(), ADMIN);

		assertThat(this.events.published(UserDeactivated.class)).isEmpty();
		assertThat(this.events.published(UserChanged.class)).singleElement();
		assertThat(this.store.stored(this.ada.id()).orElseThrow().deactivation().reason())
			.isEqualTo("scim-deactivated");
	}

	@Test
	void deleteWhenDeletedThenNotFound() {
		this.users.delete(this.ada.id(), ADMIN);

		assertThatExceptionOfType(RequestRejectedException.class)
			.isThrownBy(() -> this.users.delete(this.ada.id(), ADMIN))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.NOT_FOUND));
		assertThatExceptionOfType(RequestRejectedException.class)
			.isThrownBy(() -> this.users.reactivate(this.ada.id(), ADMIN))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.NOT_FOUND));
	}

	@Test
	void deleteThenUsernameFreeButIdentityKept() {
		this.users.delete(this.ada.id(), ADMIN);

		User second = this.users
			.create(new CreateUser("sub-2", "https://idp.example.com", "ada", null, null, null, null), ADMIN)
			.user();
		assertThat(second.id()).isNotEqualTo(this.ada.id());
		assertThatExceptionOfType(RequestRejectedException.class)
			.isThrownBy(() -> this.users
				.create(new CreateUser("sub-1", "https://idp.example.com", "ada2", null, null, null, null), ADMIN))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.CONFLICT));
	}

}
