package dev.lanyard.provisioning.directory.application;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.lanyard.provisioning.directory.domain.ProvisioningEvent.MembershipChanged;
import dev.lanyard.provisioning.directory.domain.ProvisioningEvent.UserChanged;
import dev.lanyard.provisioning.fakes.InMemoryProvisioning;
import dev.lanyard.provisioning.fakes.RecordingEvents;
import dev.lanyard.provisioning.directory.domain.Group;
import dev.lanyard.provisioning.directory.domain.GroupMatching;
import dev.lanyard.provisioning.shared.application.Actor;
import dev.lanyard.provisioning.shared.application.RequestRejectedException;
import dev.lanyard.provisioning.shared.application.RequestRejectedException.Kind;
import dev.lanyard.provisioning.directory.domain.Role;
import dev.lanyard.provisioning.directory.domain.RoleMapping;
import dev.lanyard.provisioning.directory.domain.User;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ManageGroupsTest {

	private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

	private static final Actor ADMIN = new Actor("admin-1", "corr-1");

	private final InMemoryProvisioning store = new InMemoryProvisioning();

	private final RecordingEvents events = new RecordingEvents();

	@Test
	void createWhenNameFreeThenCreatedWithoutEvent() {
		Group group = groups(RoleMapping.none(Role.VIEWER), GroupMatching.NAME)
			.create(new CreateGroup("Engineers", null));
		assertThat(this.store.groupStore().all()).containsExactly(group);
		assertThat(this.events.published()).isEmpty();
	}

	@Test
	void createWhenNameTakenThenConflictButOtherCaseAllowed() {
		ManageGroups groups = groups(RoleMapping.none(Role.VIEWER), GroupMatching.NAME);
		groups.create(new CreateGroup("Engineers", null));
		assertThatExceptionOfType(RequestRejectedException.class)
			.isThrownBy(() -> groups.create(new CreateGroup("Engineers", null)))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.CONFLICT));
		groups.create(new CreateGroup("engineers", null));
		assertThat(this.store.groupStore().all()).hasSize(2);
	}

	@Test
	void createWhenMatchingByUniqueIdWithoutUniqueIdThenInvalid() {
		assertThatExceptionOfType(RequestRejectedException.class)
			.isThrownBy(() -> groups(RoleMapping.none(Role.VIEWER), GroupMatching.UNIQUE_ID)
				.create(new CreateGroup("Engineers", null)))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("uniqueId"));
	}

	@Test
	void addMemberWhenNotMemberThenMembershipAndSnapshotPublished() {
		ManageGroups groups = groups(RoleMapping.none(Role.VIEWER), GroupMatching.NAME);
		Group group = groups.create(new CreateGroup("Engineers", null));
		User user = user();

		assertThat(groups.addMember(group.id(), user.id(), ADMIN)).isTrue();
		assertThat(groups.addMember(group.id(), user.id(), ADMIN)).isFalse();

		assertThat(this.events.published(MembershipChanged.class)).singleElement()
			.satisfies((e) -> assertThat(e.added()).isTrue());
		UserChanged changed = this.events.published(UserChanged.class).getFirst();
		assertThat(changed.groupIds()).containsExactly(group.id());
		assertThat(changed.user().version()).isEqualTo(2);
	}

	@Test
	void addMemberWhenRolesFromGroupsThenRoleRemapped() {
		RoleMapping mapping = new RoleMapping(RoleMapping.Source.GROUPS, Map.of(Role.ADMINISTRATOR, Set.of("Admins")),
				false, Role.VIEWER);
		ManageGroups groups = groups(mapping, GroupMatching.NAME);
		Group admins = groups.create(new CreateGroup("Admins", null));
		User user = user();

		groups.addMember(admins.id(), user.id(), ADMIN);
		assertThat(this.store.userStore().find(user.id()).orElseThrow().role()).isEqualTo(Role.ADMINISTRATOR);

		groups.removeMember(admins.id(), user.id(), ADMIN);
		assertThat(this.store.userStore().find(user.id()).orElseThrow().role()).isEqualTo(Role.VIEWER);
	}

	@Test
	void deleteWhenMembersThenEachLeavesWithEventsAndGroupGone() {
		ManageGroups groups = groups(RoleMapping.none(Role.VIEWER), GroupMatching.NAME);
		Group group = groups.create(new CreateGroup("Engineers", null));
		User ada = user();
		User grace = user();
		groups.addMember(group.id(), ada.id(), ADMIN);
		groups.addMember(group.id(), grace.id(), ADMIN);
		this.events.clear();

		groups.delete(group.id(), ADMIN);

		assertThat(this.events.published(MembershipChanged.class)).extracting(MembershipChanged::added)
			.containsExactly(false, false);
		assertThat(this.events.published(UserChanged.class)).allSatisfy((e) -> assertThat(e.groupIds()).isEmpty());
		assertThat(this.store.groupStore().all()).isEmpty();
	}

	@Test
	void deleteWhenKafkaDownThenGroupAndMembershipsKept() {
		ManageGroups groups = groups(RoleMapping.none(Role.VIEWER), GroupMatching.NAME);
		Group group = groups.create(new CreateGroup("Engineers", null));
		User ada = user();
		groups.addMember(group.id(), ada.id(), ADMIN);
		this.events.down(true);

		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> groups.delete(group.id(), ADMIN));

		assertThat(this.store.groupStore().groupsOf(ada.id())).containsExactly(group);
	}

	@Test
	void addMemberWhenGroupUnknownThenNotFound() {
		User user = user();
		assertThatExceptionOfType(RequestRejectedException.class)
			.isThrownBy(() -> groups(RoleMapping.none(Role.VIEWER), GroupMatching.NAME).addMember(UUID.randomUUID(),
					user.id(), ADMIN))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.NOT_FOUND));
	}

	@Test
	void changeMembersWhenSomeAlreadyAsAskedThenOnlyTheOthersChangeWithTheirEvents() {
		ManageGroups groups = groups(RoleMapping.none(Role.VIEWER), GroupMatching.NAME);
		Group group = groups.create(new CreateGroup("Engineers", null));
		User ada = user();
		User grace = user();
		User alan = user();
		groups.addMember(group.id(), ada.id(), ADMIN);
		this.events.clear();

		java.util.List<UUID> changed = groups.changeMembers(group.id(), Set.of(ada.id(), grace.id(), UUID.randomUUID()),
				Set.of(alan.id()), ADMIN);

		assertThat(changed).containsExactly(grace.id());
		assertThat(this.events.published(MembershipChanged.class)).singleElement().satisfies((e) -> {
			assertThat(e.userId()).isEqualTo(grace.id());
			assertThat(e.added()).isTrue();
		});
		assertThat(this.events.published(UserChanged.class)).singleElement()
			.satisfies((e) -> assertThat(e.groupIds()).containsExactly(group.id()));
		assertThat(this.store.groupStore().groupsOf(ada.id())).containsExactly(group);
	}

	private User user() {
		User user = User.create(UUID.randomUUID(), "user" + this.store.allUsers().size(), null, null,
				User.Profile.EMPTY, Role.VIEWER, NOW);
		this.store.userStore().insert(user);
		return user;
	}

	private ManageGroups groups(RoleMapping mapping, GroupMatching matching) {
		return new ManageGroups(this.store, this.store.groupStore(), this.store.userStore(), this.events, mapping,
				matching, Clock.fixed(NOW, ZoneOffset.UTC), UUID::randomUUID);
	}

}
