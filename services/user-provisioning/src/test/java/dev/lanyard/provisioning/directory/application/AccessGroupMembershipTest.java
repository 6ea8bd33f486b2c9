package dev.lanyard.provisioning.directory.application;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

import dev.lanyard.provisioning.directory.domain.AccessGroups;
import dev.lanyard.provisioning.directory.domain.Group;
import dev.lanyard.provisioning.directory.domain.GroupMatching;
import dev.lanyard.provisioning.directory.domain.ProvisioningEvent.MembershipChanged;
import dev.lanyard.provisioning.directory.domain.ProvisioningEvent.UserChanged;
import dev.lanyard.provisioning.directory.domain.ProvisioningEvent.UserDeactivated;
import dev.lanyard.provisioning.directory.domain.Role;
import dev.lanyard.provisioning.directory.domain.RoleMapping;
import dev.lanyard.provisioning.directory.domain.User;
import dev.lanyard.provisioning.fakes.InMemoryProvisioning;
import dev.lanyard.provisioning.fakes.RecordingEvents;
import dev.lanyard.provisioning.shared.application.Actor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Membership changes through the API with {@code access-groups} set to "staff". */
class AccessGroupMembershipTest {

	private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

	private static final Actor ADMIN = new Actor("admin-1", "corr-1");

	private final InMemoryProvisioning store = new InMemoryProvisioning();

	private final RecordingEvents events = new RecordingEvents();

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	private final ManageGroups groups = new ManageGroups(this.store, this.store.groupStore(), this.store.userStore(),
			this.events, RoleMapping.none(Role.VIEWER), new AccessGroups(Set.of("staff"), GroupMatching.NAME),
			GroupMatching.NAME, this.clock, UUID::randomUUID);

	private final ManageUsers users = new ManageUsers(this.store, this.store.userStore(), this.store.groupStore(),
			this.events, RoleMapping.none(Role.VIEWER), this.clock, UUID::randomUUID);

	private Group staff;

	private Group alumni;

	private User ada;

	@BeforeEach
	void adaInStaff() {
		this.staff = this.groups.create(new CreateGroup("staff", null));
		this.alumni = this.groups.create(new CreateGroup("alumni", null));
		this.ada = this.users.create(new CreateUser("sub-1", "https://idp", "ada", null, null, null, null), ADMIN)
			.user();
		this.groups.addMember(this.staff.id(), this.ada.id(), ADMIN);
		this.events.clear();
	}

	@Test
	void removeMemberWhenLastAccessGroupThenDeactivatedInTheSameChange() {
		this.groups.addMember(this.alumni.id(), this.ada.id(), ADMIN);
		this.events.clear();

		this.groups.removeMember(this.staff.id(), this.ada.id(), ADMIN);

		assertThat(this.events.published()).hasSize(3);
		assertThat(this.events.published().get(0)).isInstanceOf(MembershipChanged.class);
		assertThat(this.events.published().get(1)).isInstanceOfSatisfying(UserDeactivated.class,
				(event) -> assertThat(event.reason()).isEqualTo("no-access-group"));
		assertThat(this.events.published().get(2)).isInstanceOfSatisfying(UserChanged.class,
				(event) -> assertThat(event.user().active()).isFalse());
		assertThat(this.users.get(this.ada.id()).user().active()).isFalse();
	}

	@Test
	void addMemberWhenRuleHadDeactivatedThenReactivated() {
		this.groups.removeMember(this.staff.id(), this.ada.id(), ADMIN);
		this.events.clear();

		this.groups.addMember(this.staff.id(), this.ada.id(), ADMIN);

		assertThat(this.events.published(UserChanged.class)).singleElement()
			.satisfies((event) -> assertThat(event.user().active()).isTrue());
		assertThat(this.users.get(this.ada.id()).user().active()).isTrue();
	}

	@Test
	void addMemberWhenDeactivatedByAdministratorThenStaysDeactivated() {
		this.users.deactivate(this.ada.id(), "admin-deactivated", ADMIN);
		this.groups.removeMember(this.staff.id(), this.ada.id(), ADMIN);

		this.groups.addMember(this.staff.id(), this.ada.id(), ADMIN);

		assertThat(this.users.get(this.ada.id()).user().deactivation().reason()).isEqualTo("admin-deactivated");
	}

	@Test
	void deleteGroupWhenOnlyAccessGroupThenMembersDeactivated() {
		this.groups.delete(this.staff.id(), ADMIN);

		assertThat(this.events.published(UserDeactivated.class)).singleElement()
			.satisfies((event) -> assertThat(event.userId()).isEqualTo(this.ada.id()));
	}

}
