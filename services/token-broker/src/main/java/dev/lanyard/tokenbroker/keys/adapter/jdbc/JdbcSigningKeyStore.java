package dev.lanyard.tokenbroker.keys.adapter.jdbc;

import java.sql.Timestamp;
import java.util.List;

import dev.lanyard.tokenbroker.keys.application.SigningKeyStore;
import dev.lanyard.tokenbroker.keys.domain.SigningAlgorithm;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Signing keys in token-broker's PostgreSQL table {@code signing_key}. */
public final class JdbcSigningKeyStore implements SigningKeyStore {

	private final JdbcClient jdbc;

	public JdbcSigningKeyStore(JdbcClient jdbc) {
		if (jdbc == null) {
			throw new IllegalArgumentException("jdbc cannot be null");
		}
		this.jdbc = jdbc;
	}

	@Override
	public List<StoredSigningKey> findAll() {
		return this.jdbc
			.sql("select kid, algorithm, active, key_encryption, key_material, created_at from signing_key"
					+ " order by created_at, kid")
			.query((rs, row) -> new StoredSigningKey(rs.getString("kid"),
					SigningAlgorithm.valueOf(rs.getString("algorithm")), rs.getBoolean("active"),
					rs.getString("key_encryption"), rs.getBytes("key_material"),
					rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	@Override
	public boolean insertActive(StoredSigningKey key) {
		if (!key.active()) {
			throw new IllegalArgumentException("key must be active");
		}
		// the partial unique index on (algorithm) where active turns a concurrent start
		// into a no-op
		return this.jdbc.sql("""
				insert into signing_key (kid, algorithm, active, key_encryption, key_material, created_at)
				values (:kid, :algorithm, true, :keyEncryption, :material, :createdAt)
				on conflict do nothing""")
			.param("kid", key.kid())
			.param("algorithm", key.algorithm().name())
			.param("keyEncryption", key.keyEncryption())
			.param("material", key.material())
			.param("createdAt", Timestamp.from(key.createdAt()))
			.update() == 1;
	}

}
