package dev.lanyard.provisioning.directory.adapter.jdbc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.lanyard.provisioning.shared.adapter.JdbcTimes;
import dev.lanyard.provisioning.directory.application.UserStore;
import dev.lanyard.provisioning.directory.domain.ProfileField;
import dev.lanyard.provisioning.directory.domain.Role;
import dev.lanyard.provisioning.directory.domain.User;

import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link UserStore} in the table {@code users}. */
public final class JdbcUserStore implements UserStore {

	/** The columns {@link #user} reads, of the table aliased {@code u}. */
	public static final String COLUMNS = "u.id, u.username, u.issuer, u.unique_id, u.email, u.first_name, u.last_name,"
			+ " u.role, u.locked, u.active, u.claimed_fields, u.version, u.created_at, u.updated_at, u.last_login_at,"
			+ " u.deactivation_reason, u.deactivated_at, u.deleted_at";

	private final JdbcClient jdbc;

	public JdbcUserStore(JdbcClient jdbc) {
		if (jdbc == null) {
			throw new IllegalArgumentException("jdbc cannot be null");
		}
		this.jdbc = jdbc;
	}

	@Override
	public Optional<User> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM users u WHERE u.id = ? AND u.deleted_at IS NULL")
			.param(id)
			.query(JdbcUserStore::user)
			.optional();
	}

	@Override
	public Optional<User> findForUpdate(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM users u WHERE u.id = ? AND u.deleted_at IS NULL FOR UPDATE")
			.param(id)
			.query(JdbcUserStore::user)
			.optional();
	}

	// a deleted user keeps its identity: the person's next sign-in is refused, not a new
	// user
	@Override
	public Optional<User> findByIdentityForUpdate(String issuer, String uniqueId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM users u WHERE u.unique_id = ? AND u.issuer = ? FOR UPDATE")
			.params(uniqueId, issuer)
			.query(JdbcUserStore::user)
			.optional();
	}

	@Override
	public boolean usernameTaken(String username, UUID except) {
		String sql = "SELECT EXISTS (SELECT 1 FROM users WHERE lower(username) = lower(?) AND deleted_at IS NULL"
				+ ((except != null) ? " AND id <> ?)" : ")");
		List<Object> params = new ArrayList<>(List.of(username));
		if (except != null) {
			params.add(except);
		}
		return this.jdbc.sql(sql).params(params).query(Boolean.class).single();
	}

	@Override
	public boolean identityTaken(String issuer, String uniqueId) {
		if (issuer == null) {
			return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM users WHERE unique_id = ?)")
				.param(uniqueId)
				.query(Boolean.class)
				.single();
		}
		return this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM users WHERE unique_id = ? AND (issuer = ? OR issuer IS NULL))")
			.params(uniqueId, issuer)
			.query(Boolean.class)
			.single();
	}

	@Override
	public void insert(User user) {
		this.jdbc
			.sql("INSERT INTO users (id, username, issuer, unique_id, email, first_name, last_name, role, locked,"
					+ " active, claimed_fields, version, created_at, updated_at, last_login_at, deactivation_reason,"
					+ " deactivated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(user.id(), user.username(), user.issuer(), user.uniqueId(), user.email(), user.firstName(),
					user.lastName(), user.role().value(), user.locked(), user.active(), fields(user.claimedFields()),
					user.version(), JdbcTimes.toDb(user.createdAt()), JdbcTimes.toDb(user.updatedAt()),
					JdbcTimes.toDb(user.lastLoginAt()), reason(user), JdbcTimes.toDb(deactivatedAt(user)),
					JdbcTimes.toDb(user.deletedAt()))
			.update();
	}

	@Override
	public void update(User user) {
		int updated = this.jdbc
			.sql("UPDATE users SET username = ?, issuer = ?, email = ?, first_name = ?, last_name = ?, role = ?,"
					+ " locked = ?, active = ?, claimed_fields = ?, version = ?, updated_at = ?, last_login_at = ?,"
					+ " deactivation_reason = ?, deactivated_at = ?, deleted_at = ? WHERE id = ? AND version = ?")
			.params(user.username(), user.issuer(), user.email(), user.firstName(), user.lastName(),
					user.role().value(), user.locked(), user.active(), fields(user.claimedFields()), user.version(),
					JdbcTimes.toDb(user.updatedAt()), JdbcTimes.toDb(user.lastLoginAt()), reason(user),
					JdbcTimes.toDb(deactivatedAt(user)), JdbcTimes.toDb(user.deletedAt()), user.id(),
					user.version() - 1)
			.update();
		if (updated != 1) {
			throw new IllegalStateException("User " + user.id() + " changed concurrently or is gone");
		}
	}

	@Override
	public List<User> search(String query, int limit, UserCursor after) {
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM users u WHERE u.deleted_at IS NULL");
		List<Object> params = new ArrayList<>();
		if (query != null) {
			String pattern = "%"
					+ query.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
					+ "%";
			sql.append(" AND (lower(u.username) LIKE ? OR lower(u.email) LIKE ? OR lower(u.first_name) LIKE ?"
					+ " OR lower(u.last_name) LIKE ? OR lower(u.first_name || ' ' || u.last_name) LIKE ?)");
			for (int i = 0; i < 5; i++) {
				params.add(pattern);
			}
		}
		if (after != null) {
			sql.append(" AND (lower(u.username), u.id) > (?, ?)");
			params.add(after.username());
			params.add(after.id());
		}
		sql.append(" ORDER BY lower(u.username), u.id LIMIT ?");
		params.add(limit);
		return this.jdbc.sql(sql.toString()).params(params).query(JdbcUserStore::user).list();
	}

	@Override
	public List<User> membersOf(UUID groupId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM users u JOIN group_memberships m ON m.user_id = u.id"
					+ " WHERE m.group_id = ? AND u.deleted_at IS NULL ORDER BY lower(u.username), u.id")
			.param(groupId)
			.query(JdbcUserStore::user)
			.list();
	}

	private static String reason(User user) {
		return (user.deactivation() != null) ? user.deactivation().reason() : null;
	}

	private static Instant deactivatedAt(User user) {
		return (user.deactivation() != null) ? user.deactivation().at() : null;
	}

	private static String[] fields(Set<ProfileField> fields) {
		return fields.stream().map(ProfileField::value).sorted().toArray(String[]::new);
	}

	public static User user(ResultSet rs, int row) throws SQLException {
		return new User(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("issuer"),
				rs.getString("unique_id"), rs.getString("email"), rs.getString("first_name"), rs.getString("last_name"),
				Role.of(rs.getString("role")).orElseThrow(), rs.getBoolean("locked"), rs.getBoolean("active"),
				claimedFields(rs.getArray("claimed_fields")), rs.getLong("version"), JdbcTimes.fromDb(rs, "created_at"),
				JdbcTimes.fromDb(rs, "updated_at"), JdbcTimes.fromDb(rs, "last_login_at"), deactivation(rs),
				JdbcTimes.fromDb(rs, "deleted_at"));
	}

	private static User.Deactivation deactivation(ResultSet rs) throws SQLException {
		if (rs.getBoolean("active")) {
			return null;
		}
		Instant at = JdbcTimes.fromDb(rs, "deactivated_at");
		String reason = rs.getString("deactivation_reason");
		// rows deactivated before V4 recorded neither
		return new User.Deactivation((reason != null) ? reason : "unknown",
				(at != null) ? at : JdbcTimes.fromDb(rs, "updated_at"));
	}

	private static Set<ProfileField> claimedFields(Array array) throws SQLException {
		Set<ProfileField> fields = EnumSet.noneOf(ProfileField.class);
		if (array != null) {
			for (Object name : (Object[]) array.getArray()) {
				ProfileField.of((String) name).ifPresent(fields::add);
			}
		}
		return fields;
	}

}
