package dev.lanyard.tokenbroker.connections.application;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.lanyard.tokenbroker.connections.domain.Connection;
import dev.lanyard.tokenbroker.external.application.UserGrantEndpoint;
import dev.lanyard.tokenbroker.external.domain.ExternalGrant;
import dev.lanyard.tokenbroker.integrations.application.IntegrationReadModel;
import dev.lanyard.tokenbroker.integrations.domain.Integration;
import dev.lanyard.tokenbroker.issuance.application.AuditTrailUnavailableException;
import dev.lanyard.tokenbroker.issuance.domain.TokenRevocation;
import dev.lanyard.tokenbroker.users.application.DeactivateUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Disconnecting and deactivation delete the user's tokens and record TokenRevoked. */
class RevokeConnectionsTest {

	private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	private final InMemoryConnectionStore store = new InMemoryConnectionStore();

	private final List<TokenRevocation> revoked = new ArrayList<>();

	private final ViewerTokens tokens = new ViewerTokens(this.store, unusedEndpoint(), (id, version) -> "secret",
			Duration.ofSeconds(30), 100, this.clock);

	private final ManageConnections connections = new ManageConnections(this.store, noIntegrations(), this.tokens,
			this.revoked::add, this.clock);

	@Test
	void disconnectWhenConnectedThenDeletedAndRevocationOfThatIntegrationRecorded() {
		connect("u-1", "i-1");
		connect("u-1", "i-2");

		assertThat(this.connections.disconnect("u-1", "i-1", "corr-9")).isTrue();

		assertThat(this.store.findByUser("u-1")).extracting(Connection::integrationId).containsExactly("i-2");
		assertThat(this.revoked).singleElement().satisfies((revocation) -> {
			assertThat(revocation.occurredAt()).isEqualTo(NOW);
			assertThat(revocation.correlationId()).isEqualTo("corr-9");
			assertThat(revocation.actorId()).isEqualTo("u-1");
			assertThat(revocation.subjectId()).isEqualTo("u-1");
			assertThat(revocation.subjectType()).isEqualTo("user");
			assertThat(revocation.integrationId()).isEqualTo("i-1");
			assertThat(revocation.tokenId()).isNull();
			assertThat(revocation.reason()).isEqualTo("disconnected");
		});
	}

	@Test
	void disconnectWhenNotConnectedThenNothingRecorded() {
		assertThat(this.connections.disconnect("u-1", "i-1", "corr-9")).isFalse();

		assertThat(this.revoked).isEmpty();
	}

	@Test
	void disconnectWhenRecordNotAcknowledgedThenStillDisconnected() {
		ManageConnections unrecorded = new ManageConnections(this.store, noIntegrations(), this.tokens,
				(revocation) -> {
					throw new AuditTrailUnavailableException("TokenRevoked not acknowledged within 200 ms", null);
				}, this.clock);
		connect("u-1", "i-1");

		assertThat(unrecorded.disconnect("u-1", "i-1", "corr-9")).isTrue();

		assertThat(this.store.find("u-1", "i-1")).isEmpty();
	}

	@Test
	void userDeactivatedThenEveryConnectionDeletedAndOneRevocationWithIdFromTheEvent() throws Exception {
		connect("u-1", "i-1");
		connect("u-1", "i-2");
		connect("u-2", "i-1");
		UUID eventId = UUID.randomUUID();
		ForgetDeactivatedUser forget = new ForgetDeactivatedUser(this.store, this.tokens, this.revoked::add);

		forget.userDeactivated(new DeactivateUser(eventId, "u-1", NOW, "admin-1", "corr-4"));
		forget.userDeactivated(new DeactivateUser(eventId, "u-1", NOW, "admin-1", "corr-4"));

		assertThat(this.store.findByUser("u-1")).isEmpty();
		assertThat(this.store.findByUser("u-2")).hasSize(1);
		assertThat(this.revoked).hasSize(2).allSatisfy((revocation) -> {
			assertThat(revocation.eventId())
				.isEqualTo(UUID.nameUUIDFromBytes(("token-revoked/" + eventId).getBytes(StandardCharsets.UTF_8)));
			assertThat(revocation.occurredAt()).isEqualTo(NOW);
			assertThat(revocation.correlationId()).isEqualTo("corr-4");
			assertThat(revocation.actorId()).isEqualTo("admin-1");
			assertThat(revocation.subjectId()).isEqualTo("u-1");
			assertThat(revocation.integrationId()).isNull();
			assertThat(revocation.reason()).isEqualTo("user-deactivated");
		});
	}

	@Test
	void userDeactivatedWhenRecordNotAcknowledgedThenThrowsSoTheEventIsHandledAgain() {
		connect("u-1", "i-1");
		ForgetDeactivatedUser forget = new ForgetDeactivatedUser(this.store, this.tokens, (revocation) -> {
			throw new AuditTrailUnavailableException("TokenRevoked not acknowledged within 200 ms", null);
		});

		assertThatExceptionOfType(AuditTrailUnavailableException.class).isThrownBy(
				() -> forget.userDeactivated(new DeactivateUser(UUID.randomUUID(), "u-1", NOW, null, "corr-4")));
		assertThat(this.store.findByUser("u-1")).isEmpty();
	}

	private void connect(String userId, String integrationId) {
		this.store.save(new Connection(userId, integrationId, Set.of("read"), "refresh-" + userId, 1, NOW), NOW);
	}

	private static IntegrationReadModel noIntegrations() {
		return new IntegrationReadModel() {

			@Override
			public boolean apply(Integration integration) {
				return false;
			}

			@Override
			public void markDeleted(String integrationId, Instant at) {
			}

			@Override
			public Optional<Integration> find(String integrationId) {
				return Optional.empty();
			}

		};
	}

	private static UserGrantEndpoint unusedEndpoint() {
		return new UserGrantEndpoint() {

			@Override
			public ExternalGrant authorizationCode(Integration integration, String clientSecret, String code,
					URI redirectUri, String codeVerifier) {
				throw new UnsupportedOperationException();
			}

			@Override
			public ExternalGrant refresh(Integration integration, String clientSecret, String refreshToken) {
				throw new UnsupportedOperationException();
			}

		};
	}

}
