package dev.lanyard.provisioning.federation.application;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.lanyard.provisioning.directory.application.EventsUnavailableException;
import dev.lanyard.provisioning.directory.domain.AccessGroups;
import dev.lanyard.provisioning.directory.domain.Group;
import dev.lanyard.provisioning.directory.domain.GroupMatching;
import dev.lanyard.provisioning.directory.domain.GroupProvisioning;
import dev.lanyard.provisioning.directory.domain.GroupSync;
import dev.lanyard.provisioning.directory.domain.ProfileField;
import dev.lanyard.provisioning.directory.domain.ProvisioningEvent.MembershipChanged;
import dev.lanyard.provisioning.directory.domain.ProvisioningEvent.UserChanged;
import dev.lanyard.provisioning.directory.domain.RefusalReason;
import dev.lanyard.provisioning.directory.domain.Role;
import dev.lanyard.provisioning.directory.domain.RoleMapping;
import dev.lanyard.provisioning.directory.domain.User;
import dev.lanyard.provisioning.fakes.InMemoryProvisioning;
import dev.lanyard.provisioning.fakes.RecordingEvents;
import dev.lanyard.provisioning.shared.application.Actor;
import dev.lanyard.provisioning.shared.application.RequestRejectedException;
import dev.lanyard.provisioning.signin.application.Registration;
import dev.lanyard.provisioning.signin.application.SignInSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Just-in-time federated users, with {@code access-groups} set to "staff". */
class AdmitFederatedUserTest {

	private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

	private static final String ISSUER = "https://sso.example.com";

	private static final Actor TOKEN_BROKER = new Actor("token-broker", "corr-1");

	private final InMemoryProvisioning store = new InMemoryProvisioning();

	private final RecordingEvents events = new RecordingEvents();

	private final AdmitFederatedUser admit = admit(RoleMapping.none(Role.VIEWER));

	@BeforeEach
	void groups() {
		this.store.groupStore().insert(new Group(UUID.randomUUID(), "staff", null, NOW));
		this.store.groupStore().insert(new Group(UUID.randomUUID(), "alumni", null, NOW));
	}

	@Test
	void admitWhenUnknownIdentityInAccessGroupThenCreatedAsViewerAndPublishedByTheCaller() {
		FederatedUserOutcome outcome = this.admit.admit(request("sub-1", "ada@example.com", List.of("staff")),
				TOKEN_BROKER);

		assertThat(outcome).isInstanceOfSatisfying(FederatedUserOutcome.Admitted.class, (admitted) -> {
			assertThat(admitted.created()).isTrue();
			assertThat(admitted.user().username()).isEqualTo("ada");
			assertThat(admitted.user().issuer()).isEqualTo(ISSUER);
			assertThat(admitted.user().uniqueId()).isEqualTo("sub-1");
			assertThat(admitted.user().role()).isEqualTo(Role.VIEWER);
			assertThat(admitted.user().claimedFields()).containsExactlyInAnyOrder(ProfileField.EMAIL);
		});
		UserChanged changed = this.events.published(UserChanged.class).getFirst();
		assertThat(changed.actorId()).isEqualTo("token-broker");
		assertThat(changed.correlationId()).isEqualTo("corr-1");
		assertThat(this.events.published(MembershipChanged.class)).singleElement()
			.satisfies((membership) -> assertThat(membership.group().name()).isEqualTo("staff"));
	}

	@Test
	void admitWhenIdentityAlreadyBoundThenSameUserAndNothingPublished() {
		User first = ((FederatedUserOutcome.Admitted) this.admit
			.admit(request("sub-1", "ada@example.com", List.of("staff")), TOKEN_BROKER)).user();
		this.events.clear();

		FederatedUserOutcome again = this.admit.admit(request("sub-1", "other@example.com", List.of("staff")),
				TOKEN_BROKER);

		assertThat(again).isInstanceOfSatisfying(FederatedUserOutcome.Admitted.class, (admitted) -> {
			assertThat(admitted.created()).isFalse();
			assertThat(admitted.user().id()).isEqualTo(first.id());
		});
		assertThat(this.events.published()).isEmpty();
		assertThat(this.store.allUsers()).hasSize(1);
	}

	@Test
	void admitWhenInNoAccessGroupThenRefusedAsASignInWouldBe() {
		FederatedUserOutcome outcome = this.admit.admit(request("sub-1", "ada@example.com", List.of("alumni")),
				TOKEN_BROKER);

		assertThat(outcome).isInstanceOfSatisfying(FederatedUserOutcome.Refused.class,
				(refused) -> assertThat(refused.reason()).isEqualTo(RefusalReason.NO_ACCESS_GROUP));
		assertThat(this.store.allUsers()).isEmpty();
		assertThat(this.events.published()).isEmpty();
	}

	@Test
	void admitWhenNoGroupsClaimAndAccessGroupsEnforcedThenRefused() {
		FederatedUserOutcome outcome = this.admit.admit(request("sub-1", "ada@example.com", null), TOKEN_BROKER);

		assertThat(outcome).isInstanceOf(FederatedUserOutcome.Refused.class);
	}

	@Test
	void admitWhenNeitherUsernameNorEmailThenRefusedUsernameMissing() {
		FederatedUserOutcome outcome = this.admit.admit(request("sub-1", null, List.of("staff")), TOKEN_BROKER);

		assertThat(outcome).isInstanceOfSatisfying(FederatedUserOutcome.Refused.class,
				(refused) -> assertThat(refused.reason()).isEqualTo(RefusalReason.USERNAME_MISSING));
	}

	@Test
	void admitWhenRequiredUsernameTakenThenRefusedInvalidUsername() {
		this.admit.admit(request("sub-1", "ada@example.com", List.of("staff")), TOKEN_BROKER);

		FederatedUserOutcome outcome = this.admit
			.admit(new FederatedUserRequest(ISSUER, "sub-2", "ada", null, null, null, List.of("staff")), TOKEN_BROKER);

		assertThat(outcome).isInstanceOfSatisfying(FederatedUserOutcome.Refused.class,
				(refused) -> assertThat(refused.reason()).isEqualTo(RefusalReason.INVALID_USERNAME));
	}

	@Test
	void admitWhenRoleMappedFromGroupsThenMappedRole() {
		AdmitFederatedUser mapped = admit(new RoleMapping(RoleMapping.Source.GROUPS,
				Map.of(Role.PUBLISHER, Set.of("staff")), false, Role.VIEWER));

		FederatedUserOutcome outcome = mapped.admit(request("sub-1", "ada@example.com", List.of("staff")),
				TOKEN_BROKER);

		assertThat(((FederatedUserOutcome.Admitted) outcome).user().role()).isEqualTo(Role.PUBLISHER);
	}

	@Test
	void admitWhenKafkaDoesNotAcknowledgeThenNothingStored() {
		this.events.down(true);

		assertThatThrownBy(() -> this.admit.admit(request("sub-1", "ada@example.com", List.of("staff")), TOKEN_BROKER))
			.isInstanceOf(EventsUnavailableException.class);
		assertThat(this.store.allUsers()).isEmpty();
	}

	@Test
	void requestWhenIssuerBlankThenRejected() {
		assertThatThrownBy(() -> new FederatedUserRequest(" ", "sub-1", null, null, null, null, null))
			.isInstanceOf(RequestRejectedException.class)
			.hasMessageContaining("issuer");
	}

	@Test
	void requestWhenUniqueIdMissingThenRejected() {
		assertThatThrownBy(() -> new FederatedUserRequest(ISSUER, null, null, null, null, null, null))
			.isInstanceOf(RequestRejectedException.class)
			.hasMessageContaining("uniqueId");
	}

	@Test
	void admitWhenRequestNullThenIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.admit.admit(null, TOKEN_BROKER))
			.withMessage("request and actor cannot be null");
	}

	@Test
	void constructorWhenRegistrationNullThenIllegalArgument() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AdmitFederatedUser(this.store, this.store.userStore(), null, this.events,
					Clock.systemUTC(), UUID::randomUUID))
			.withMessage("transactions, users, registration and events cannot be null");
	}

	private AdmitFederatedUser admit(RoleMapping roles) {
		SignInSettings settings = new SignInSettings(true, roles,
				new GroupSync(GroupProvisioning.MANUAL, GroupMatching.NAME),
				new AccessGroups(Set.of("staff"), GroupMatching.NAME));
		return new AdmitFederatedUser(this.store, this.store.userStore(),
				new Registration(this.store.userStore(), this.store.groupStore(), settings, UUID::randomUUID),
				this.events, Clock.fixed(NOW, ZoneOffset.UTC), UUID::randomUUID);
	}

	private static FederatedUserRequest request(String subject, String email, List<String> groups) {
		return new FederatedUserRequest(ISSUER, subject, null, email, null, null, groups);
	}

}
