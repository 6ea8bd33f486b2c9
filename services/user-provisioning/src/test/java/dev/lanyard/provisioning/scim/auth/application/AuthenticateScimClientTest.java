package dev.lanyard.provisioning.scim.auth.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.lanyard.provisioning.scim.auth.ScimClient;
import dev.lanyard.provisioning.scim.auth.domain.ScimSecret;
import dev.lanyard.provisioning.shared.application.Actor;
import dev.lanyard.provisioning.fakes.RecordingEvents;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AuthenticateScimClientTest {

	private static final Instant NOW = Instant.parse("2026-12-05T17:00:00Z");

	private static final Actor ADMIN = new Actor("admin-1", "corr-1");

	private final InMemoryScimClients store = new InMemoryScimClients();

	private final ManageScimClients manage = new ManageScimClients(this.store, this.store, new RecordingEvents(),
			Clock.fixed(NOW, ZoneOffset.UTC), UUID::randomUUID);

	@Test
	void authenticateWhenSecretOfActiveClientThenThatClient() {
		IssuedSecret issued = this.manage.create("okta", ADMIN);

		assertThat(at(NOW).authenticate(issued.secret())).hasValue(new ScimClient(issued.client().id(), "okta"));
	}

	@Test
	void authenticateWhenUnknownMalformedOrNullThenEmpty() {
		this.manage.create("okta", ADMIN);

		assertThat(at(NOW).authenticate(ScimSecret.generate())).isEmpty();
		assertThat(at(NOW).authenticate("eyJhbGciOiJFUzI1NiJ9.e30.sig")).isEmpty();
		assertThat(at(NOW).authenticate(null)).isEmpty();
	}

	@Test
	void authenticateWhenRevokedOrRotatedAwayThenEmpty() {
		IssuedSecret revoked = this.manage.create("okta", ADMIN);
		this.manage.revoke(revoked.client().id(), ADMIN);
		IssuedSecret rotated = this.manage.create("entra", ADMIN);
		this.manage.rotate(rotated.client().id(), ADMIN);

		assertThat(at(NOW).authenticate(revoked.secret())).isEmpty();
		assertThat(at(NOW).authenticate(rotated.secret())).isEmpty();
	}

	@Test
	void authenticateWhenUsedOftenThenMarkedUsedOncePerMinute() {
		IssuedSecret issued = this.manage.create("okta", ADMIN);

		at(NOW).authenticate(issued.secret());
		at(NOW.plusSeconds(30)).authenticate(issued.secret());
		at(NOW.plus(AuthenticateScimClient.USE_RESOLUTION).plusSeconds(1)).authenticate(issued.secret());

		assertThat(this.store.markedUsed).hasSize(2);
		assertThat(this.store.clients.get(issued.client().id()).lastUsedAt())
			.isEqualTo(NOW.plus(Duration.ofSeconds(61)));
	}

	@Test
	void constructorWhenArgumentNullThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AuthenticateScimClient(null, Clock.systemUTC()))
			.withMessage("clients and clock cannot be null");
	}

	private AuthenticateScimClient at(Instant now) {
		return new AuthenticateScimClient(this.store, Clock.fixed(now, ZoneOffset.UTC));
	}

}
