package dev.lanyard.provisioning.scim.auth.adapter.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.lanyard.provisioning.scim.auth.application.ScimClientStore;
import dev.lanyard.provisioning.scim.auth.domain.ScimClientAccount;
import dev.lanyard.provisioning.shared.adapter.JdbcTimes;

import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link ScimClientStore} in the table {@code scim_clients}. */
public final class JdbcScimClientStore implements ScimClientStore {

	private static final String COLUMNS = "id, name, created_at, rotated_at, revoked_at, last_used_at";

	private final JdbcClient jdbc;

	public JdbcScimClientStore(JdbcClient jdbc) {
		if (jdbc == null) {
			throw new IllegalArgumentException("jdbc cannot be null");
		}
		this.jdbc = jdbc;
	}

	@Override
	public void insert(ScimClientAccount client, byte[] secretSha256) {
		this.jdbc.sql("INSERT INTO scim_clients (id, name, token_sha256, created_at) VALUES (?, ?, ?, ?)")
			.params(client.id(), client.name(), secretSha256, JdbcTimes.toDb(client.createdAt()))
			.update();
	}

	@Override
	public Optional<ScimClientAccount> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM scim_clients WHERE id = ?")
			.param(id)
			.query(JdbcScimClientStore::client)
			.optional();
	}

	@Override
	public List<ScimClientAccount> all() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM scim_clients ORDER BY name, created_at, id")
			.query(JdbcScimClientStore::client)
			.list();
	}

	@Override
	public boolean nameTaken(String name) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM scim_clients WHERE name = ? AND revoked_at IS NULL)")
			.param(name)
			.query(Boolean.class)
			.single();
	}

	@Override
	public Optional<ScimClientAccount> findActiveBySecret(byte[] secretSha256) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM scim_clients WHERE token_sha256 = ? AND revoked_at IS NULL")
			.param(secretSha256)
			.query(JdbcScimClientStore::client)
			.optional();
	}

	@Override
	public boolean replaceSecret(UUID id, byte[] secretSha256, Instant rotatedAt) {
		return this.jdbc
			.sql("UPDATE scim_clients SET token_sha256 = ?, rotated_at = ? WHERE id = ? AND revoked_at IS NULL")
			.params(secretSha256, JdbcTimes.toDb(rotatedAt), id)
			.update() == 1;
	}

	@Override
	public boolean revoke(UUID id, Instant revokedAt) {
		return this.jdbc.sql("UPDATE scim_clients SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
			.params(JdbcTimes.toDb(revokedAt), id)
			.update() == 1;
	}

	@Override
	public void markUsed(UUID id, Instant usedAt) {
		this.jdbc
			.sql("UPDATE scim_clients SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)")
			.params(JdbcTimes.toDb(usedAt), id, JdbcTimes.toDb(usedAt))
			.update();
	}

	private static ScimClientAccount client(ResultSet rs, int row) throws SQLException {
		return new ScimClientAccount(rs.getObject("id", UUID.class), rs.getString("name"),
				JdbcTimes.fromDb(rs, "created_at"), JdbcTimes.fromDb(rs, "rotated_at"),
				JdbcTimes.fromDb(rs, "revoked_at"), JdbcTimes.fromDb(rs, "last_used_at"));
	}

}
