package dev.lanyard.tokenbroker.connections.adapter.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.lanyard.tokenbroker.connections.domain.ConnectAttempt;
import dev.lanyard.tokenbroker.connections.domain.Connection;
import dev.lanyard.tokenbroker.keys.application.KeyMaterialCipher;
import dev.lanyard.tokenbroker.testing.MigratedDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Refresh tokens and PKCE verifiers against real PostgreSQL: with a key-encryption key
 * set, a row someone rewrote as "unencrypted" (to plant a refresh token of their own, or
 * read what the service then writes) is refused, not used.
 */
class JdbcConnectionStoreIT {

	private static final JdbcClient jdbc = MigratedDatabase.create("token_broker_connections_it");

	private final KeyMaterialCipher cipher = KeyMaterialCipher.aes256Gcm(new byte[32]);

	private final JdbcConnectionStore store = new JdbcConnectionStore(jdbc, this.cipher);

	private final String userId = "u-" + UUID.randomUUID();

	@Test
	void findWhenRefreshTokenSealedThenOpens() {
		this.store.save(new Connection(this.userId, "i-1", Set.of("read"), "refresh-1", 1, Instant.now()),
				Instant.now());
		byte[] stored = jdbc.sql("select refresh_token from viewer_connection where user_id = :u")
			.param("u", this.userId)
			.query(byte[].class)
			.single();
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("refresh-1");
		assertThat(this.store.find(this.userId, "i-1"))
			.hasValueSatisfying((connection) -> assertThat(connection.refreshToken()).isEqualTo("refresh-1"));
	}

	@Test
	void findWhenKeySetAndRefreshTokenRowUnencryptedThenRefused() {
		jdbc.sql("""
				insert into viewer_connection (user_id, integration_id, scopes, refresh_token_encryption,
				    refresh_token, version, connected_at, updated_at)
				values (:u, 'i-1', '{read}', 'none', :token, 1, now(), now())""")
			.param("u", this.userId)
			.param("token", "planted-refresh-token".getBytes(StandardCharsets.UTF_8))
			.update();
		assertThatIllegalStateException().isThrownBy(() -> this.store.find(this.userId, "i-1"))
			.withMessageContaining("stored unencrypted")
			.withMessageNotContaining("planted-refresh-token");
		assertThatIllegalStateException().isThrownBy(() -> this.store.findByUser(this.userId));
	}

	@Test
	void takeAttemptWhenKeySetAndVerifierRowUnencryptedThenRefused() {
		String state = UUID.randomUUID().toString();
		String planted = "planted-verifier-" + "x".repeat(30);
		jdbc.sql("""
				insert into connect_attempt (state, user_id, integration_id, verifier_encryption, code_verifier,
				    created_at, expires_at)
				values (:state, :u, 'i-1', 'none', :verifier, now(), :expires)""")
			.param("state", state)
			.param("u", this.userId)
			.param("verifier", planted.getBytes(StandardCharsets.UTF_8))
			.param("expires", Timestamp.from(Instant.now().plusSeconds(600)))
			.update();
		assertThatIllegalStateException().isThrownBy(() -> this.store.takeAttempt(state, this.userId))
			.withMessageContaining("stored unencrypted")
			.withMessageNotContaining(planted);
	}

	@Test
	void takeAttemptWhenVerifierSealedThenOpens() {
		String state = UUID.randomUUID().toString();
		Instant now = Instant.now();
		this.store.saveAttempt(
				new ConnectAttempt(state, this.userId, "i-1", "v".repeat(43), null, now, now.plusSeconds(600)));
		assertThat(this.store.takeAttempt(state, this.userId))
			.hasValueSatisfying((attempt) -> assertThat(attempt.codeVerifier()).isEqualTo("v".repeat(43)));
	}

}
