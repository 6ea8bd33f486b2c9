package dev.lanyard.tokenbroker.custody.adapter.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import dev.lanyard.tokenbroker.custody.application.UpstreamTokenStore;
import dev.lanyard.tokenbroker.custody.domain.UpstreamToken;
import dev.lanyard.tokenbroker.keys.application.KeyMaterialCipher;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Upstream tokens in {@code upstream_token}, sealed with the {@link KeyMaterialCipher}
 * (AES-256-GCM under the key-encryption key, as viewers' refresh tokens) with the row's
 * session and user as associated data, so a sealed token cannot be moved to another
 * session or user. Expired rows are purged whenever a token is saved.
 */
public final class JdbcUpstreamTokenStore implements UpstreamTokenStore {

	private final JdbcClient jdbc;

	private final KeyMaterialCipher cipher;

	public JdbcUpstreamTokenStore(JdbcClient jdbc, KeyMaterialCipher cipher) {
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
	public void save(UpstreamToken token, Instant at) {
		this.jdbc
			.sql("""
					insert into upstream_token (session_id, user_id, token_encryption, access_token, expires_at, deposited_at)
					values (:sessionId, :userId, :encryption, :token, :expiresAt, :at)
					on conflict (session_id) do update set user_id = excluded.user_id,
					    token_encryption = excluded.token_encryption, access_token = excluded.access_token,
					    expires_at = excluded.expires_at, deposited_at = excluded.deposited_at""")
			.param("sessionId", token.sessionId())
			.param("userId", token.userId())
			.param("encryption", this.cipher.encryption())
			.param("token", this.cipher.seal(aad(token.sessionId(), token.userId()), token.value()))
			.param("expiresAt", Timestamp.from(token.expiresAt()))
			.param("at", Timestamp.from(at))
			.update();
		purgeExpired(at);
	}

	@Override
	public Optional<UpstreamToken> find(String sessionId, String userId, Instant now) {
		return this.jdbc.sql("""
				select session_id, user_id, token_encryption, access_token, expires_at from upstream_token
				where session_id = :sessionId and user_id = :userId and expires_at > :now""")
			.param("sessionId", sessionId)
			.param("userId", userId)
			.param("now", Timestamp.from(now))
			.query((rs, row) -> new UpstreamToken(rs.getString("session_id"), rs.getString("user_id"),
					this.cipher.open(aad(rs.getString("session_id"), rs.getString("user_id")),
							rs.getString("token_encryption"), rs.getBytes("access_token")),
					rs.getTimestamp("expires_at").toInstant()))
			.optional();
	}

	@Override
	public boolean deleteSession(String sessionId) {
		return this.jdbc.sql("delete from upstream_token where session_id = :sessionId")
			.param("sessionId", sessionId)
			.update() > 0;
	}

	@Override
	public int deleteAllOf(String userId) {
		return this.jdbc.sql("delete from upstream_token where user_id = :userId").param("userId", userId).update();
	}

	@Override
	public int purgeExpired(Instant now) {
		return this.jdbc.sql("delete from upstream_token where expires_at <= :now")
			.param("now", Timestamp.from(now))
			.update();
	}

	private static String aad(String sessionId, String userId) {
		return "upstream-token:" + sessionId + ":" + userId;
	}

}
