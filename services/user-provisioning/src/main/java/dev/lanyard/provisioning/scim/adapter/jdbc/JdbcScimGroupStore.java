package dev.lanyard.provisioning.scim.adapter.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.lanyard.provisioning.scim.application.ScimGroupStore;
import dev.lanyard.provisioning.scim.domain.Filter;
import dev.lanyard.provisioning.scim.domain.ScimGroup;
import dev.lanyard.provisioning.scim.domain.ScimSchemas;
import dev.lanyard.provisioning.shared.adapter.JdbcTimes;

import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link ScimGroupStore} in {@code groups} and {@code group_memberships}. */
public final class JdbcScimGroupStore implements ScimGroupStore {

	private static final String COLUMNS = "g.id, g.name, g.external_id, g.version, g.created_at, g.updated_at";

	private static final FilterSql.Columns GROUP_COLUMNS = (path) -> {
		if (path.schema() != null && !path.schema().equalsIgnoreCase(ScimSchemas.GROUP)
				|| path.subAttribute() != null) {
			return Optional.empty();
		}
		return switch (path.attribute().toLowerCase(Locale.ROOT)) {
			case "displayname" -> Optional.of(new FilterSql.Column("g.name", FilterSql.Type.TEXT));
			case "externalid" -> Optional.of(new FilterSql.Column("g.external_id", FilterSql.Type.TEXT));
			case "id" -> Optional.of(new FilterSql.Column("g.id", FilterSql.Type.UUID));
			default -> Optional.empty();
		};
	};

	private final JdbcClient jdbc;

	public JdbcScimGroupStore(JdbcClient jdbc) {
		if (jdbc == null) {
			throw new IllegalArgumentException("jdbc cannot be null");
		}
		this.jdbc = jdbc;
	}

	@Override
	public Optional<ScimGroup> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM groups g WHERE g.id = ?")
			.param(id)
			.query(JdbcScimGroupStore::group)
			.optional();
	}

	@Override
	public Optional<ScimGroup> findForUpdate(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM groups g WHERE g.id = ? FOR UPDATE")
			.param(id)
			.query(JdbcScimGroupStore::group)
			.optional();
	}

	@Override
	public boolean nameTaken(String name, UUID except) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM groups WHERE name = ? AND id IS DISTINCT FROM ?)")
			.params(name, except)
			.query(Boolean.class)
			.single();
	}

	@Override
	public boolean externalIdTaken(String externalId, UUID except) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM groups WHERE external_id = ? AND id IS DISTINCT FROM ?)")
			.params(externalId, except)
			.query(Boolean.class)
			.single();
	}

	@Override
	public void insert(ScimGroup group) {
		this.jdbc
			.sql("INSERT INTO groups (id, name, external_id, version, created_at, updated_at)"
					+ " VALUES (?, ?, ?, ?, ?, ?)")
			.params(group.id(), group.displayName(), group.externalId(), group.version(),
					JdbcTimes.toDb(group.created()), JdbcTimes.toDb(group.lastModified()))
			.update();
	}

	@Override
	public void update(ScimGroup group) {
		int updated = this.jdbc.sql(
				"UPDATE groups SET name = ?, external_id = ?, version = ?, updated_at = ? WHERE id = ? AND version = ?")
			.params(group.displayName(), group.externalId(), group.version(), JdbcTimes.toDb(group.lastModified()),
					group.id(), group.version() - 1)
			.update();
		if (updated != 1) {
			throw new IllegalStateException("Group " + group.id() + " changed concurrently or is gone");
		}
	}

	@Override
	public Set<UUID> existingUsers(Collection<UUID> userIds) {
		if (userIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc.sql("SELECT id FROM users WHERE id IN (:ids) AND deleted_at IS NULL")
			.param("ids", userIds)
			.query(UUID.class)
			.list());
	}

	@Override
	public List<UUID> memberIds(UUID groupId) {
		return this.jdbc.sql("SELECT user_id FROM group_memberships WHERE group_id = ?")
			.param(groupId)
			.query(UUID.class)
			.list();
	}

	@Override
	public List<Member> members(UUID groupId) {
		return this.jdbc
			.sql("SELECT u.id, u.username FROM group_memberships m JOIN users u ON u.id = m.user_id"
					+ " WHERE m.group_id = ? AND u.deleted_at IS NULL ORDER BY lower(u.username), u.id")
			.param(groupId)
			.query((rs, row) -> new Member(rs.getObject("id", UUID.class), rs.getString("username")))
			.list();
	}

	@Override
	public Page search(Filter filter, int offset, int count) {
		List<Object> params = new ArrayList<>();
		String where = (filter != null) ? " WHERE " + FilterSql.translate(filter, GROUP_COLUMNS, params) : "";
		long total = this.jdbc.sql("SELECT count(*) FROM groups g" + where).params(params).query(Long.class).single();
		if (count == 0 || offset >= total) {
			return new Page(List.of(), total);
		}
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(count);
		pageParams.add(offset);
		return new Page(this.jdbc
			.sql("SELECT " + COLUMNS + " FROM groups g" + where + " ORDER BY g.name, g.id LIMIT ? OFFSET ?")
			.params(pageParams)
			.query(JdbcScimGroupStore::group)
			.list(), total);
	}

	private static ScimGroup group(ResultSet rs, int row) throws SQLException {
		return new ScimGroup(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("external_id"),
				rs.getLong("version"), JdbcTimes.fromDb(rs, "created_at"), JdbcTimes.fromDb(rs, "updated_at"));
	}

}
