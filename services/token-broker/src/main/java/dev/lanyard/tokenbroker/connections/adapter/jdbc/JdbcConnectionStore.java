package dev.lanyard.tokenbroker.connections.adapter.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.lanyard.tokenbroker.connections.application.ConnectionStore;
import dev.lanyard.tokenbroker.connections.domain.ConnectAttempt;
import dev.lanyard.tokenbroker.connections.domain.Connection;
import dev.lanyard.tokenbroker.keys.application.KeyMaterialCipher;
import dev.lanyard.tokenbroker.keys.application.UnencryptedMaterialException;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Connections in {@code viewer_connection} and attempts in {@code connect_attempt}.
 * Refresh tokens and PKCE verifiers are sealed with the {@link KeyMaterialCipher}
 * (AES-256-GCM under the key-encryption key), with the row's identity as associated data
 * so a sealed value cannot be moved to another row.
 */
public final class JdbcConnectionStore implements ConnectionStore {

	private final JdbcClient jdbc;

	private final KeyMaterialCipher cipher;

	public JdbcConnectionStore(JdbcClient jdbc, KeyMaterialCipher cipher) {
		if (jdbc == null) {
			throw new IllegalArgumentException("jdbc cannot be null");
		}
		if (cipher == null) {
			throw new IllegalArgumentException("cipher cannot be null");
		}
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	@Override
	public void saveAttempt(ConnectAttempt attempt) {
		this.jdbc.sql("""
				insert into connect_attempt (state, user_id, integration_id, verifier_encryption, code_verifier,
				    redirect_path, created_at, expires_at)
				values (:state, :userId, :integrationId, :encryption, :verifier, :redirect, :createdAt, :expiresAt)""")
			.param("state", attempt.state())
			.param("userId", attempt.userId())
			.param("integrationId", attempt.integrationId())
			.param("encryption", this.cipher.encryption())
			.param("verifier", this.cipher.seal(attemptAad(attempt.state()), attempt.codeVerifier()))
			.param("redirect", attempt.redirectPath())
			.param("createdAt", Timestamp.from(attempt.createdAt()))
			.param("expiresAt", Timestamp.from(attempt.expiresAt()))
			.update();
	}

	@Override
	public Optional<ConnectAttempt> takeAttempt(String state, String userId) {
		return this.jdbc.sql("""
				delete from connect_attempt where state = :state and user_id = :userId
				returning state, user_id, integration_id, verifier_encryption, code_verifier, redirect_path,
				    created_at, expires_at""")
			.param("state", state)
			.param("userId", userId)
			.query((rs, row) -> new ConnectAttempt(rs.getString("state"), rs.getString("user_id"),
					rs.getString("integration_id"),
					open(attemptAad(rs.getString("state")), rs.getString("verifier_encryption"),
							rs.getBytes("code_verifier"), "the PKCE verifier of a connect attempt"),
					rs.getString("redirect_path"), rs.getTimestamp("created_at").toInstant(),
					rs.getTimestamp("expires_at").toInstant()))
			.optional();
	}

	@Override
	public int purgeAttempts(Instant now) {
		return this.jdbc.sql("delete from connect_attempt where expires_at < :now")
			.param("now", Timestamp.from(now))
			.update();
	}

	@Override
	public void save(Connection connection, Instant at) {
		this.jdbc.sql("""
				insert into viewer_connection (user_id, integration_id, scopes, refresh_token_encryption,
				    refresh_token, version, connected_at, updated_at)
				values (:userId, :integrationId, :scopes, :encryption, :refreshToken, 1, :connectedAt, :at)
				on conflict (user_id, integration_id) do update set scopes = excluded.scopes,
				    refresh_token_encryption = excluded.refresh_token_encryption,
				    refresh_token = excluded.refresh_token, version = viewer_connection.version + 1,
				    connected_at = excluded.connected_at, updated_at = excluded.updated_at""")
			.param("userId", connection.userId())
			.param("integrationId", connection.integrationId())
			.param("scopes", new TreeSet<>(connection.scopes()).toArray(String[]::new))
			.param("encryption", this.cipher.encryption())
			.param("refreshToken",
					this.cipher.seal(connectionAad(connection.userId(), connection.integrationId()),
							connection.refreshToken()))
			.param("connectedAt", Timestamp.from(connection.connectedAt()))
			.param("at", Timestamp.from(at))
			.update();
	}

	@Override
	public Optional<Connection> find(String userId, String integrationId) {
		return this.jdbc.sql("""
				select user_id, integration_id, scopes, refresh_token_encryption, refresh_token, version, connected_at
				from viewer_connection where user_id = :userId and integration_id = :integrationId""")
			.param("userId", userId)
			.param("integrationId", integrationId)
			.query((rs, row) -> connection(rs))
			.optional();
	}

	@Override
	public List<Connection> findByUser(String userId) {
		return this.jdbc.sql("""
				select user_id, integration_id, scopes, refresh_token_encryption, refresh_token, version, connected_at
				from viewer_connection where user_id = :userId order by integration_id""")
			.param("userId", userId)
			.query((rs, row) -> connection(rs))
			.list();
	}

	@Override
	public boolean rotate(String userId, String integrationId, long expectedVersion, String refreshToken, Instant at) {
		return this.jdbc.sql("""
				update viewer_connection set refresh_token_encryption = :encryption, refresh_token = :refreshToken,
				    version = version + 1, updated_at = :at
				where user_id = :userId and integration_id = :integrationId and version = :version""")
			.param("encryption", this.cipher.encryption())
			.param("refreshToken", this.cipher.seal(connectionAad(userId, integrationId), refreshToken))
			.param("at", Timestamp.from(at))
			.param("userId", userId)
			.param("integrationId", integrationId)
			.param("version", expectedVersion)
			.update() == 1;
	}

	@Override
	public boolean delete(String userId, String integrationId) {
		return this.jdbc
			.sql("delete from viewer_connection where user_id = :userId and integration_id = :integrationId")
			.param("userId", userId)
			.param("integrationId", integrationId)
			.update() == 1;
	}

	@Override
	public boolean deleteIfVersion(String userId, String integrationId, long version) {
		return this.jdbc.sql("""
				delete from viewer_connection
				where user_id = :userId and integration_id = :integrationId and version = :version""")
			.param("userId", userId)
			.param("integrationId", integrationId)
			.param("version", version)
			.update() == 1;
	}

	@Override
	public int deleteAllOf(String userId) {
		this.jdbc.sql("delete from connect_attempt where user_id = :userId").param("userId", userId).update();
		return this.jdbc.sql("delete from viewer_connection where user_id = :userId").param("userId", userId).update();
	}

	private Connection connection(ResultSet rs) throws SQLException {
		String userId = rs.getString("user_id");
		String integrationId = rs.getString("integration_id");
		java.sql.Array scopes = rs.getArray("scopes");
		Set<String> scopeSet;
		try {
			scopeSet = Set.copyOf(Arrays.asList((String[]) scopes.getArray()));
		}
		finally {
			scopes.free();
		}
		String refreshToken = open(connectionAad(userId, integrationId), rs.getString("refresh_token_encryption"),
				rs.getBytes("refresh_token"),
				"the refresh token of user " + userId + " for integration " + integrationId);
		return new Connection(userId, integrationId, scopeSet, refreshToken, rs.getLong("version"),
				rs.getTimestamp("connected_at").toInstant());
	}

	private String open(String aad, String encryption, byte[] sealed, String what) {
		try {
			return this.cipher.open(aad, encryption, sealed);
		}
		catch (UnencryptedMaterialException ex) {
			// the cipher names the row by its associated data; say what this is
			throw new UnencryptedMaterialException("Refused " + what
					+ ": it is stored unencrypted although lanyard.token-broker.key-encryption.key is set");
		}
		catch (IllegalStateException ex) {
			throw new IllegalStateException("Could not decrypt " + what
					+ ": lanyard.token-broker.key-encryption.key is missing or wrong, or the row was altered");
		}
	}

	private static String connectionAad(String userId, String integrationId) {
		return "viewer-connection\n" + userId + "\n" + integrationId;
	}

	private static String attemptAad(String state) {
		return "connect-attempt\n" + state;
	}

}
