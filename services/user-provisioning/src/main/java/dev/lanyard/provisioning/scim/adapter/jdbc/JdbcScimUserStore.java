package dev.lanyard.provisioning.scim.adapter.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.lanyard.provisioning.directory.adapter.jdbc.JdbcUserStore;
import dev.lanyard.provisioning.scim.application.ScimUserStore;
import dev.lanyard.provisioning.scim.domain.AttributePath;
import dev.lanyard.provisioning.scim.domain.Filter;
import dev.lanyard.provisioning.scim.domain.ScimUser;

import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link ScimUserStore} in {@code scim_users} beside {@code users}. */
public final class JdbcScimUserStore implements ScimUserStore {

	/** Users a deletion hid are no SCIM resources any more. */
	static final String VISIBLE_USERS = "u.deleted_at IS NULL";

	private static final String SCIM_COLUMNS = "s.user_name, s.external_id, s.display_name, s.employee_number,"
			+ " s.department";

	private static final String FROM = " FROM users u LEFT JOIN scim_users s ON s.user_id = u.id WHERE "
			+ VISIBLE_USERS;

	private static final FilterSql.Column EMAIL = new FilterSql.Column("u.email", FilterSql.Type.TEXT_IGNORE_CASE);

	private static final FilterSql.Columns EMAIL_VALUE = new FilterSql.Columns() {
		@Override
		public Optional<FilterSql.Column> column(AttributePath path) {
			// the one address Lanyard keeps is the work and primary one
			return switch (path.attribute().toLowerCase(java.util.Locale.ROOT)) {
				case "value" -> Optional.of(EMAIL);
				case "type" -> Optional.of(new FilterSql.Column("'work'", FilterSql.Type.TEXT_IGNORE_CASE));
				case "primary" -> Optional.of(new FilterSql.Column("TRUE", FilterSql.Type.BOOLEAN));
				default -> Optional.empty();
			};
		}
	};

	private static final FilterSql.Columns USER_COLUMNS = new FilterSql.Columns() {
		@Override
		public Optional<FilterSql.Column> column(AttributePath path) {
			if (path.schema() != null
					&& !path.schema().equalsIgnoreCase(dev.lanyard.provisioning.scim.domain.ScimSchemas.USER)) {
				return Optional.empty();
			}
			String attribute = path.attribute().toLowerCase(java.util.Locale.ROOT);
			String sub = (path.subAttribute() != null) ? path.subAttribute().toLowerCase(java.util.Locale.ROOT) : null;
			if (sub == null) {
				return switch (attribute) {
					case "username" -> Optional
						.of(new FilterSql.Column("coalesce(s.user_name, u.username)", FilterSql.Type.TEXT_IGNORE_CASE));
					case "externalid" -> Optional.of(new FilterSql.Column("s.external_id", FilterSql.Type.TEXT));
					case "id" -> Optional.of(new FilterSql.Column("u.id", FilterSql.Type.UUID));
					case "active" -> Optional.of(new FilterSql.Column("u.active", FilterSql.Type.BOOLEAN));
					case "emails" -> Optional.of(EMAIL);
					default -> Optional.empty();
				};
			}
			return switch (attribute + "." + sub) {
				case "emails.value" -> Optional.of(EMAIL);
				case "name.givenname" ->
					Optional.of(new FilterSql.Column("u.first_name", FilterSql.Type.TEXT_IGNORE_CASE));
				case "name.familyname" ->
					Optional.of(new FilterSql.Column("u.last_name", FilterSql.Type.TEXT_IGNORE_CASE));
				default -> Optional.empty();
			};
		}

		@Override
		public Optional<FilterSql.Columns> element(String attribute) {
			return attribute.equalsIgnoreCase("emails") ? Optional.of(EMAIL_VALUE) : Optional.empty();
		}
	};

	private final JdbcClient jdbc;

	public JdbcScimUserStore(JdbcClient jdbc) {
		if (jdbc == null) {
			throw new IllegalArgumentException("jdbc cannot be null");
		}
		this.jdbc = jdbc;
	}

	@Override
	public Optional<ScimUser> find(UUID userId) {
		return this.jdbc.sql("SELECT " + SCIM_COLUMNS + " FROM scim_users s WHERE s.user_id = ?")
			.param(userId)
			.query(JdbcScimUserStore::attributes)
			.optional();
	}

	@Override
	public void save(UUID userId, ScimUser attributes, String client) {
		this.jdbc
			.sql("INSERT INTO scim_users (user_id, user_name, external_id, display_name, employee_number, department,"
					+ " written_by) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET"
					+ " user_name = EXCLUDED.user_name, external_id = EXCLUDED.external_id,"
					+ " display_name = EXCLUDED.display_name, employee_number = EXCLUDED.employee_number,"
					+ " department = EXCLUDED.department, written_by = EXCLUDED.written_by")
			.params(userId, attributes.userName(), attributes.externalId(), attributes.displayName(),
					attributes.employeeNumber(), attributes.department(), client)
			.update();
	}

	@Override
	public boolean userNameTaken(String userName, UUID except) {
		List<Object> params = new ArrayList<>(List.of(userName));
		String sql = "SELECT EXISTS (SELECT 1" + FROM + " AND lower(coalesce(s.user_name, u.username)) = lower(?)";
		if (except != null) {
			sql += " AND u.id <> ?";
			params.add(except);
		}
		return this.jdbc.sql(sql + ")").params(params).query(Boolean.class).single();
	}

	@Override
	public void bindIdentity(UUID userId, String issuer, String uniqueId) {
		this.jdbc.sql("UPDATE users SET issuer = ?, unique_id = ? WHERE id = ?")
			.params(issuer, uniqueId, userId)
			.update();
	}

	@Override
	public void forget(UUID userId) {
		this.jdbc.sql("DELETE FROM scim_users WHERE user_id = ?").param(userId).update();
	}

	@Override
	public Page search(Filter filter, int offset, int count) {
		List<Object> params = new ArrayList<>();
		String where = (filter != null) ? " AND " + FilterSql.translate(filter, USER_COLUMNS, params) : "";
		long total = this.jdbc.sql("SELECT count(*)" + FROM + where).params(params).query(Long.class).single();
		if (count == 0 || offset >= total) {
			return new Page(List.of(), total);
		}
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(count);
		pageParams.add(offset);
		List<Found> users = this.jdbc
			.sql("SELECT " + JdbcUserStore.COLUMNS + ", s.user_id AS scim_user_id, " + SCIM_COLUMNS + FROM + where
					+ " ORDER BY u.created_at, u.id LIMIT ? OFFSET ?")
			.params(pageParams)
			.query((rs, row) -> new Found(JdbcUserStore.user(rs, row),
					(rs.getObject("scim_user_id") != null) ? attributes(rs, row) : null))
			.list();
		return new Page(users, total);
	}

	private static ScimUser attributes(ResultSet rs, int row) throws SQLException {
		return new ScimUser(rs.getString("user_name"), rs.getString("external_id"), null, null,
				rs.getString("display_name"), null, null, rs.getString("employee_number"), rs.getString("department"));
	}

}
