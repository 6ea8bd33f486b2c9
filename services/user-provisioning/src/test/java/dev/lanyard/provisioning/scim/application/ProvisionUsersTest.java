package dev.lanyard.provisioning.scim.application;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.lanyard.provisioning.directory.domain.ProfileField;
import dev.lanyard.provisioning.directory.domain.ProvisioningEvent;
import dev.lanyard.provisioning.directory.domain.Role;
import dev.lanyard.provisioning.directory.domain.RoleMapping;
import dev.lanyard.provisioning.directory.domain.User;
import dev.lanyard.provisioning.fakes.InMemoryProvisioning;
import dev.lanyard.provisioning.fakes.RecordingEvents;
import dev.lanyard.provisioning.scim.ScimException;
import dev.lanyard.provisioning.scim.domain.Filter;
import dev.lanyard.provisioning.scim.domain.PatchOperation;
import dev.lanyard.provisioning.scim.domain.ScimUser;
import dev.lanyard.provisioning.shared.application.Actor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ProvisionUsersTest {

	private static final Actor OKTA = new Actor("scim-client:okta", "corr-1");

	private static final String ISSUER = "https://idp.example.com";

	private final InMemoryProvisioning store = new InMemoryProvisioning();

	private final RecordingEvents events = new RecordingEvents();

	private final InMemoryScimUsers scimUsers = new InMemoryScimUsers();

	private final List<String> lifecycle = new ArrayList<>();

	private final ProvisionUsers users = new ProvisionUsers(this.store, this.store.userStore(), this.scimUsers,
			this.store.groupStore(), this.events, new RecordingLifecycle(), RoleMapping.none(Role.VIEWER),
			new ScimSettings(ISSUER, ScimSettings.UniqueIdAttribute.EXTERNAL_ID, 200),
			Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC), UUID::randomUUID);

	@Test
	void constructorWhenTransactionsNullThenIllegalArgument() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ProvisionUsers(null, this.store.userStore(), this.scimUsers, this.store.groupStore(),
					this.events, new RecordingLifecycle(), RoleMapping.none(Role.VIEWER),
					new ScimSettings(null, ScimSettings.UniqueIdAttribute.EXTERNAL_ID, 1), Clock.systemUTC(),
					UUID::randomUUID))
			.withMessageContaining("transactions");
	}

	@Test
	void createWhenEmailUserNameThenUsernameDerivedIdentityBoundFieldsClaimedAndPublished() {
		ProvisionedUser created = this.users.create(ada(), OKTA);

		User user = created.user();
		assertThat(user.username()).isEqualTo("ada");
		assertThat(user.issuer()).isEqualTo(ISSUER);
		assertThat(user.uniqueId()).isEqualTo("00u1");
		assertThat(user.claimedFields()).containsExactlyInAnyOrderElementsOf(ProfileField.all());
		assertThat(this.events.published(ProvisioningEvent.UserChanged.class)).singleElement()
			.satisfies((event) -> assertThat(event.actorId()).isEqualTo("scim-client:okta"));
	}

	@Test
	void managedFieldsWhenWrittenByScimThenEveryProfileFieldElseNone() {
		UUID written = this.users.create(ada(), OKTA).user().id();

		assertThat(this.users.managedFields(written)).containsExactlyInAnyOrderElementsOf(ProfileField.all());
		assertThat(this.users.managedFields(UUID.randomUUID())).isEmpty();
	}

	@Test
	void managedFieldsWhenUserIdNullThenNamesArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.users.managedFields(null))
			.withMessage("userId cannot be null");
	}

	@Test
	void patchWhenIfMatchStaleThenPreconditionFailedAndNothingPublished() {
		UUID id = this.users.create(ada(), OKTA).user().id();
		this.events.clear();

		assertThatExceptionOfType(ScimException.class)
			.isThrownBy(() -> this.users.patch(id,
					List.of(new PatchOperation(PatchOperation.Op.REPLACE,
							dev.lanyard.provisioning.scim.domain.AttributePath.of("displayName"), "x")),
					7L, OKTA))
			.satisfies((ex) -> assertThat(ex.error().status()).isEqualTo(412));
		assertThat(this.events.published()).isEmpty();
		assertThat(this.store.userStore().find(id).orElseThrow().version()).isEqualTo(1);
	}

	@Test
	void replaceWhenActiveFalseThenDeactivatedThroughLifecycle() {
		UUID id = this.users.create(ada(), OKTA).user().id();

		this.users.replace(id, ada().withActive(false), 1L, OKTA);

		assertThat(this.lifecycle).containsExactly("deactivate " + id + " scim-deactivated");
	}

	@Test
	void createWhenUserNameTakenIgnoringCaseThenUniqueness() {
		this.users.create(ada(), OKTA);

		assertThatExceptionOfType(ScimException.class)
			.isThrownBy(() -> this.users.create(ada().withUserName("ADA@example.com").withExternalId("00u2"), OKTA))
			.satisfies((ex) -> assertThat(ex.error().scimType()).isEqualTo("uniqueness"));
	}

	@Test
	void replaceWhenExternalIdOfBoundUserChangesThenMutabilityAndIdentityKept() {
		// rebinding would let another person's sign-in become this user (an
		// administrator, say)
		UUID id = this.users.create(ada(), OKTA).user().id();
		this.events.clear();

		assertThatExceptionOfType(ScimException.class)
			.isThrownBy(() -> this.users.replace(id, ada().withExternalId("00u-someone-else"), null, OKTA))
			.satisfies((ex) -> assertThat(ex.error().scimType()).isEqualTo("mutability"));
		assertThat(this.store.userStore().find(id).orElseThrow().uniqueId()).isEqualTo("00u1");
		assertThat(this.store.userStore().findByIdentityForUpdate(ISSUER, "00u-someone-else")).isEmpty();
		assertThat(this.events.published()).isEmpty();
	}

	@Test
	void replaceWhenUserHadNoIdentityThenBound() {
		UUID id = this.users.create(ada().withExternalId(null), OKTA).user().id();

		this.users.replace(id, ada(), null, OKTA);

		assertThat(this.scimUsers.bound).containsExactly(id + " " + ISSUER + " 00u1");
	}

	private static ScimUser ada() {
		return new ScimUser("ada@example.com", "00u1", "Ada", "Lovelace", null, "ada@example.com", null, null, null);
	}

	private final class RecordingLifecycle implements UserLifecycle {

		@Override
		public void deactivate(UUID userId, String reason, Actor actor) {
			ProvisionUsersTest.this.lifecycle.add("deactivate " + userId + " " + reason);
		}

		@Override
		public void reactivate(UUID userId, Actor actor) {
			ProvisionUsersTest.this.lifecycle.add("reactivate " + userId);
		}

		@Override
		public void delete(UUID userId, Actor actor) {
			ProvisionUsersTest.this.lifecycle.add("delete " + userId);
		}

	}

	private final class InMemoryScimUsers implements ScimUserStore {

		private final Map<UUID, ScimUser> written = new HashMap<>();

		@Override
		public Optional<ScimUser> find(UUID userId) {
			return Optional.ofNullable(this.written.get(userId));
		}

		@Override
		public void save(UUID userId, ScimUser attributes, String client) {
			this.written.put(userId, attributes);
		}

		@Override
		public boolean userNameTaken(String userName, UUID except) {
			return this.written.entrySet()
				.stream()
				.anyMatch((entry) -> !entry.getKey().equals(except)
						&& entry.getValue().userName().equalsIgnoreCase(userName));
		}

		@Override
		public void forget(UUID userId) {
			this.written.remove(userId);
		}

		private final List<String> bound = new ArrayList<>();

		@Override
		public void bindIdentity(UUID userId, String issuer, String uniqueId) {
			this.bound.add(userId + " " + issuer + " " + uniqueId);
		}

		@Override
		public Page search(Filter filter, int offset, int count) {
			throw new UnsupportedOperationException("not needed here");
		}

	}

}
