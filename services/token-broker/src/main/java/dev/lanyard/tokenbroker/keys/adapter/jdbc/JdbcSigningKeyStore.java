package dev.lanyard.tokenbroker.keys.adapter.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
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
		return this.jdbc.sql("""
				select kid, algorithm, key_encryption, key_material, created_at, retired_at from signing_key
				order by created_at, kid""").query((rs, row) -> {
			Timestamp retiredAt = rs.getTimestamp("retired_at");
			return new StoredSigningKey(rs.getString("kid"), SigningAlgorithm.valueOf(rs.getString("algorithm")),
					rs.getString("key_encryption"), rs.getBytes("key_material"),
					rs.getTimestamp("created_at").toInstant(), (retiredAt != null) ? retiredAt.toInstant() : null);
		}).list();
	}

	@Override
	public boolean insertActive(StoredSigningKey key) {
		requireActive(key);
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

	@Override
	public boolean rotate(String currentKid, StoredSigningKey next, Instant at) {
		if (currentKid == null) {
			throw new IllegalArgumentException("currentKid cannot be null");
		}
		requireActive(next);
		if (at == null) {
			throw new IllegalArgumentException("at cannot be null");
		}
		// one statement, so atomic: the insert reads the retired row, so it runs after
		// the
		// update; a second instance rotating the same key waits for the first, then finds
		// it
		// retired and inserts nothing
		return this.jdbc.sql("""
				with retired as (
				    update signing_key set active = false, retired_at = :at
				    where kid = :currentKid and algorithm = :algorithm and active
				    returning kid)
				insert into signing_key (kid, algorithm, active, key_encryption, key_material, created_at)
				select :kid, :algorithm, true, :keyEncryption, :material, :createdAt from retired""")
			.param("at", Timestamp.from(at))
			.param("currentKid", currentKid)
			.param("kid", next.kid())
			.param("algorithm", next.algorithm().name())
			.param("keyEncryption", next.keyEncryption())
			.param("material", next.material())
			.param("createdAt", Timestamp.from(next.createdAt()))
			.update() == 1;
	}

	@Override
	public List<String> deleteRetiredBefore(Instant cutoff) {
		return this.jdbc.sql("delete from signing_key where not active and retired_at < :cutoff returning kid")
			.param("cutoff", Timestamp.from(cutoff))
			.query(String.class)
			.list();
	}

	private static void requireActive(StoredSigningKey key) {
		if (key == null || !key.active()) {
			throw new IllegalArgumentException("key must be active");
		}
	}

}
