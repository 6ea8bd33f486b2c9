package dev.lanyard.provisioning.signin.application;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.lanyard.platform.ids.SignInAnswers;
import dev.lanyard.provisioning.directory.domain.AccessGroups;
import dev.lanyard.provisioning.directory.domain.Group;
import dev.lanyard.provisioning.directory.domain.GroupMatching;
import dev.lanyard.provisioning.directory.domain.GroupProvisioning;
import dev.lanyard.provisioning.directory.domain.GroupSync;
import dev.lanyard.provisioning.directory.domain.ProvisioningEvent.LoginRefused;
import dev.lanyard.provisioning.directory.domain.ProvisioningEvent.UserChanged;
import dev.lanyard.provisioning.directory.domain.ProvisioningEvent.UserDeactivated;
import dev.lanyard.provisioning.directory.domain.RefusalReason;
import dev.lanyard.provisioning.directory.domain.Role;
import dev.lanyard.provisioning.directory.domain.RoleMapping;
import dev.lanyard.provisioning.directory.domain.User;
import dev.lanyard.provisioning.fakes.InMemoryProvisioning;
import dev.lanyard.provisioning.fakes.RecordingEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-in with {@code lanyard.provisioning.access-groups} set to "staff". */
class AccessGroupSignInTest {

	private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

	private final InMemoryProvisioning store = new InMemoryProvisioning();

	private final RecordingEvents events = new RecordingEvents();

	private final SignInUser signIn = new SignInUser(this.store, this.store, this.store.userStore(),
			this.store.groupStore(), this.events,
			new SignInSettings(true, RoleMapping.none(Role.VIEWER),
					new GroupSync(GroupProvisioning.MANUAL, GroupMatching.NAME),
					new AccessGroups(Set.of("staff"), GroupMatching.NAME)),
			Clock.fixed(NOW, ZoneOffset.UTC), UUID::randomUUID, ManagedFields.NONE);

	@BeforeEach
	void groups() {
		this.store.groupStore().insert(new Group(UUID.randomUUID(), "staff", null, NOW));
		this.store.groupStore().insert(new Group(UUID.randomUUID(), "alumni", null, NOW));
	}

	@Test
	void signInWhenNewUserInNoAccessGroupThenRefusedAndNotRegistered() {
		SignInOutcome outcome = this.signIn.signIn(TestSignIns.okta("sub-1", "ada", List.of("alumni")));

		assertThat(outcome).isInstanceOfSatisfying(SignInOutcome.Refused.class,
				(refused) -> assertThat(refused.reason()).isEqualTo(RefusalReason.NO_ACCESS_GROUP));
		assertThat(this.store.allUsers()).isEmpty();
	}

	@Test
	void signInWhenLastAccessGroupGoneThenDeactivatedAndRefusedWithoutAcceptingSnapshot() {
		this.signIn.signIn(TestSignIns.okta("sub-1", "ada", List.of("staff")));
		this.events.clear();
		SignInAttempt leaving = TestSignIns.okta("sub-1", "ada", List.of("alumni"));

		SignInOutcome outcome = this.signIn.signIn(leaving);

		assertThat(outcome).isInstanceOf(SignInOutcome.Deactivated.class);
		assertThat(this.events.published(UserDeactivated.class)).singleElement()
			.satisfies((event) -> assertThat(event.reason()).isEqualTo("no-access-group"));
		UserChanged changed = this.events.published(UserChanged.class).getFirst();
		assertThat(changed.user().active()).isFalse();
		assertThat(changed.eventId())
			.isNotEqualTo(SignInAnswers.eventId(leaving.loginEventId(), SignInAnswers.USER_CHANGED));
		assertThat(this.events.published(LoginRefused.class)).singleElement()
			.satisfies((refused) -> assertThat(refused.reason()).isEqualTo(RefusalReason.DEACTIVATED));
		User stored = this.store.user("ada").orElseThrow();
		assertThat(stored.active()).isFalse();
		assertThat(this.store.groupStore().groupsOf(stored.id())).extracting(Group::name).containsExactly("alumni");
	}

	@Test
	void signInWhenBackInAccessGroupAfterRuleDeactivatedThenReactivatedAndAccepted() {
		this.signIn.signIn(TestSignIns.okta("sub-1", "ada", List.of("staff")));
		this.signIn.signIn(TestSignIns.okta("sub-1", "ada", List.of()));
		this.events.clear();

		SignInOutcome outcome = this.signIn.signIn(TestSignIns.okta("sub-1", "ada", List.of("staff")));

		assertThat(outcome).isInstanceOfSatisfying(SignInOutcome.Accepted.class,
				(accepted) -> assertThat(accepted.user().active()).isTrue());
		assertThat(this.events.published(UserDeactivated.class)).isEmpty();
	}

	@Test
	void signInWhenDeactivatedByAdministratorThenRefusedEvenInAccessGroup() {
		this.signIn.signIn(TestSignIns.okta("sub-1", "ada", List.of("staff")));
		User ada = this.store.user("ada").orElseThrow();
		this.store.userStore().update(ada.deactivated("admin-deactivated", NOW));
		this.events.clear();

		SignInOutcome outcome = this.signIn.signIn(TestSignIns.okta("sub-1", "ada", List.of("staff")));

		assertThat(outcome).isInstanceOfSatisfying(SignInOutcome.Refused.class,
				(refused) -> assertThat(refused.reason()).isEqualTo(RefusalReason.DEACTIVATED));
		assertThat(this.store.user("ada").orElseThrow().active()).isFalse();
	}

}
