package dev.lanyard.provisioning.scim.auth.application;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import dev.lanyard.provisioning.directory.application.EventsUnavailableException;
import dev.lanyard.provisioning.directory.domain.ProvisioningEvent;
import dev.lanyard.provisioning.fakes.RecordingEvents;
import dev.lanyard.provisioning.scim.auth.domain.ScimSecret;
import dev.lanyard.provisioning.shared.application.Actor;
import dev.lanyard.provisioning.shared.application.RequestRejectedException;
import dev.lanyard.provisioning.shared.application.RequestRejectedException.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ManageScimClientsTest {

	private static final Instant NOW = Instant.parse("2026-12-05T17:00:00Z");

	private static final Actor ADMIN = new Actor("admin-1", "corr-1");

	private final InMemoryScimClients store = new InMemoryScimClients();

	private final RecordingEvents events = new RecordingEvents();

	private final ManageScimClients clients = new ManageScimClients(this.store, this.store, this.events,
			Clock.fixed(NOW, ZoneOffset.UTC), UUID::randomUUID);

	@Test
	void createRotateRevokeWhenDoneThenEachPublishedNamingClientAndActorNeverTheSecret() {
		IssuedSecret created = this.clients.create("okta", ADMIN);
		UUID id = created.client().id();
		IssuedSecret rotated = this.clients.rotate(id, ADMIN);
		this.clients.revoke(id, ADMIN);
		this.clients.revoke(id, ADMIN);

		List<ProvisioningEvent.ScimClientChanged> changes = this.events
			.published(ProvisioningEvent.ScimClientChanged.class);
		assertThat(changes).extracting(ProvisioningEvent.ScimClientChanged::action)
			.containsExactly("created", "rotated", "revoked");
		assertThat(changes).allSatisfy((change) -> {
			assertThat(change.clientId()).isEqualTo(id);
			assertThat(change.name()).isEqualTo("okta");
			assertThat(change.actorId()).isEqualTo("admin-1");
			assertThat(change.correlationId()).isEqualTo("corr-1");
			assertThat(change.occurredAt()).isEqualTo(NOW);
			assertThat(change.toString()).doesNotContain(created.secret()).doesNotContain(rotated.secret());
		});
	}

	@Test
	void createWhenNameFreeThenSecretReturnedAndOnlyItsHashStored() {
		IssuedSecret issued = this.clients.create("okta", ADMIN);

		assertThat(issued.secret()).startsWith(ScimSecret.PREFIX);
		assertThat(issued.client().name()).isEqualTo("okta");
		assertThat(issued.client().createdAt()).isEqualTo(NOW);
		assertThat(this.store.hashes.get(issued.client().id()))
			.isEqualTo(ByteBuffer.wrap(ScimSecret.sha256(issued.secret())));
		assertThat(issued.toString()).doesNotContain(issued.secret());
	}

	@Test
	void createWhenEventsUnavailableThenRefusedAndNoSecretHandedOut() {
		this.events.down(true);

		assertThatExceptionOfType(EventsUnavailableException.class)
			.isThrownBy(() -> this.clients.create("okta", ADMIN));
	}

	@Test
	void createWhenNameTakenByActiveClientThenConflict() {
		this.clients.create("okta", ADMIN);

		assertThatExceptionOfType(RequestRejectedException.class).isThrownBy(() -> this.clients.create("okta", ADMIN))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.CONFLICT));
		assertThat(this.store.clients).hasSize(1);
	}

	@Test
	void createWhenNameOfRevokedClientThenCreated() {
		this.clients.revoke(this.clients.create("okta", ADMIN).client().id(), ADMIN);

		assertThat(this.clients.create("okta", ADMIN).client().name()).isEqualTo("okta");
		assertThat(this.store.clients).hasSize(2);
	}

	@Test
	void createWhenNameInvalidThenRejectedNamingField() {
		for (String name : new String[] { null, "", "Okta", "okta prod", "-okta", "a".repeat(65), "okta\n" }) {
			assertThatExceptionOfType(RequestRejectedException.class).as(String.valueOf(name))
				.isThrownBy(() -> this.clients.create(name, ADMIN))
				.satisfies((ex) -> assertThat(ex.field()).isEqualTo("name"));
		}
		assertThat(this.store.clients).isEmpty();
	}

	@Test
	void rotateWhenActiveThenNewSecretAndOldHashReplaced() {
		IssuedSecret created = this.clients.create("entra", ADMIN);

		IssuedSecret rotated = this.clients.rotate(created.client().id(), ADMIN);

		assertThat(rotated.secret()).isNotEqualTo(created.secret());
		assertThat(rotated.client().rotatedAt()).isEqualTo(NOW);
		assertThat(this.store.findActiveBySecret(ScimSecret.sha256(created.secret()))).isEmpty();
		assertThat(this.store.findActiveBySecret(ScimSecret.sha256(rotated.secret()))).isPresent();
	}

	@Test
	void rotateWhenRevokedThenConflict() {
		UUID id = this.clients.create("entra", ADMIN).client().id();
		this.clients.revoke(id, ADMIN);

		assertThatExceptionOfType(RequestRejectedException.class).isThrownBy(() -> this.clients.rotate(id, ADMIN))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.CONFLICT));
	}

	@Test
	void rotateWhenUnknownThenNotFound() {
		assertThatExceptionOfType(RequestRejectedException.class)
			.isThrownBy(() -> this.clients.rotate(UUID.randomUUID(), ADMIN))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.NOT_FOUND));
	}

	@Test
	void revokeWhenRevokedAlreadyThenUnchanged() {
		UUID id = this.clients.create("okta", ADMIN).client().id();
		Instant revokedAt = this.clients.revoke(id, ADMIN).revokedAt();

		assertThat(this.clients.revoke(id, ADMIN).revokedAt()).isEqualTo(revokedAt).isEqualTo(NOW);
	}

	@Test
	void constructorWhenArgumentNullThenRejected() {
		Clock clock = Clock.systemUTC();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ManageScimClients(null, this.store, this.events, clock, UUID::randomUUID))
			.withMessage("transactions, clients, events, clock and ids cannot be null");
		assertThatIllegalArgumentException().isThrownBy(() -> this.clients.create("okta", null))
			.withMessage("actor cannot be null");
		assertThatIllegalArgumentException().isThrownBy(() -> this.clients.rotate(null, ADMIN))
			.withMessage("id and actor cannot be null");
		assertThatIllegalArgumentException().isThrownBy(() -> this.clients.revoke(null, ADMIN))
			.withMessage("id and actor cannot be null");
	}

}
