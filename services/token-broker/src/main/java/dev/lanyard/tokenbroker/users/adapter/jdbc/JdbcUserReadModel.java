package dev.lanyard.tokenbroker.users.adapter.jdbc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.lanyard.tokenbroker.users.application.UserReadModel;
import dev.lanyard.tokenbroker.users.domain.UserSnapshot;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Users in token-broker's tables {@code user_snapshot} and {@code user_deactivation}.
 */
public final class JdbcUserReadModel implements UserReadModel {

	private static final String SELECT = """
			select u.user_id, u.username, u.role, u.locked, u.active, u.group_ids, u.version, u.changed_at,
			       u.unique_id, u.email,
			       (d.deactivated_at is not null and d.deactivated_at >= u.changed_at) as deactivated
			from user_snapshot u left join user_deactivation d on d.user_id = u.user_id
			""";

	private final JdbcClient jdbc;

	public JdbcUserReadModel(JdbcClient jdbc) {
		if (jdbc == null) {
			throw new IllegalArgumentException("jdbc cannot be null");
		}
		this.jdbc = jdbc;
	}

	@Override
	public boolean apply(UserSnapshot snapshot) {
		return this.jdbc.sql("""
				insert into user_snapshot (user_id, username, role, locked, active, group_ids, version, changed_at,
				    unique_id, email)
				values (:userId, :username, :role, :locked, :active, :groupIds, :version, :changedAt, :uniqueId,
				    :email)
				on conflict (user_id) do update set username = excluded.username, role = excluded.role,
				    locked = excluded.locked, active = excluded.active, group_ids = excluded.group_ids,
				    version = excluded.version, changed_at = excluded.changed_at, unique_id = excluded.unique_id,
				    email = excluded.email
				where user_snapshot.version < excluded.version""")
			.param("userId", snapshot.userId())
			.param("username", snapshot.username())
			.param("role", snapshot.role())
			.param("locked", snapshot.locked())
			.param("active", snapshot.active())
			.param("groupIds", snapshot.groupIds().stream().sorted().toArray(String[]::new))
			.param("version", snapshot.version())
			.param("changedAt", Timestamp.from(snapshot.changedAt()))
			.param("uniqueId", snapshot.uniqueId())
			.param("email", snapshot.email())
			.update() == 1;
	}

	@Override
	public void deactivate(String userId, Instant deactivatedAt) {
		this.jdbc.sql("""
				insert into user_deactivation (user_id, deactivated_at) values (:userId, :at)
				on conflict (user_id) do update set deactivated_at = greatest(user_deactivation.deactivated_at,
				    excluded.deactivated_at)""")
			.param("userId", userId)
			.param("at", Timestamp.from(deactivatedAt))
			.update();
	}

	@Override
	public Optional<UserSnapshot> find(String userId) {
		return this.jdbc.sql(SELECT + "where u.user_id = :userId")
			.param("userId", userId)
			.query((rs, row) -> snapshot(rs))
			.optional();
	}

	@Override
	public List<UserSnapshot> findByUniqueId(String uniqueId) {
		return this.jdbc.sql(SELECT + "where u.unique_id = :value")
			.param("value", uniqueId)
			.query((rs, row) -> snapshot(rs))
			.list();
	}

	@Override
	public List<UserSnapshot> findByEmail(String email) {
		return this.jdbc.sql(SELECT + "where lower(u.email) = lower(:value)")
			.param("value", email)
			.query((rs, row) -> snapshot(rs))
			.list();
	}

	@Override
	public List<UserSnapshot> findByUsername(String username) {
		return this.jdbc.sql(SELECT + "where u.username = :value")
			.param("value", username)
			.query((rs, row) -> snapshot(rs))
			.list();
	}

	private static UserSnapshot snapshot(ResultSet rs) throws SQLException {
		return new UserSnapshot(rs.getString("user_id"), rs.getString("username"), rs.getString("role"),
				rs.getBoolean("locked"), rs.getBoolean("active") && !rs.getBoolean("deactivated"),
				strings(rs.getArray("group_ids")), rs.getLong("version"), rs.getTimestamp("changed_at").toInstant(),
				rs.getString("unique_id"), rs.getString("email"));
	}

	static Set<String> strings(Array array) throws SQLException {
		if (array == null) {
			return Set.of();
		}
		try {
			return Set.copyOf(Arrays.asList((String[]) array.getArray()));
		}
		finally {
			array.free();
		}
	}

}
