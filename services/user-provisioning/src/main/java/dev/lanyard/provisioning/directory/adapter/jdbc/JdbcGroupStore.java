package dev.lanyard.provisioning.directory.adapter.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.lanyard.provisioning.directory.application.GroupStore;
import dev.lanyard.provisioning.directory.domain.Group;
import dev.lanyard.provisioning.directory.domain.GroupMatching;
import dev.lanyard.provisioning.shared.adapter.JdbcTimes;

import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link GroupStore} in the tables {@code groups} and {@code group_memberships}. */
public final class JdbcGroupStore implements GroupStore {

	private static final String COLUMNS = "g.id, g.name, g.unique_id, g.created_at";

	private final JdbcClient jdbc;

	public JdbcGroupStore(JdbcClient jdbc) {
		if (jdbc == null) {
			throw new IllegalArgumentException("jdbc cannot be null");
		}
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Group> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM groups g WHERE g.id = ?")
			.param(id)
			.query(JdbcGroupStore::group)
			.optional();
	}

	@Override
	public Map<String, Group> findByKeys(GroupMatching matching, Collection<String> keys) {
		Set<String> distinct = Set.copyOf(keys);
		Map<String, Group> found = new LinkedHashMap<>();
		if (distinct.isEmpty()) {
			return found;
		}
		String column = (matching == GroupMatching.UNIQUE_ID) ? "g.unique_id" : "g.name";
		this.jdbc.sql("SELECT " + COLUMNS + " FROM groups g WHERE " + column + " IN (:keys)")
			.param("keys", distinct)
			.query(JdbcGroupStore::group)
			.list()
			.forEach((group) -> found.put(group.key(matching), group));
		return found;
	}

	@Override
	public boolean nameTaken(String name) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM groups WHERE name = ?)")
			.param(name)
			.query(Boolean.class)
			.single();
	}

	@Override
	public boolean uniqueIdTaken(String uniqueId) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM groups WHERE unique_id = ?)")
			.param(uniqueId)
			.query(Boolean.class)
			.single();
	}

	@Override
	public List<Group> all() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM groups g ORDER BY g.name, g.id")
			.query(JdbcGroupStore::group)
			.list();
	}

	@Override
	public void insert(Group group) {
		this.jdbc
			.sql("INSERT INTO groups (id, name, unique_id, version, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)")
			.params(group.id(), group.name(), group.uniqueId(), JdbcTimes.toDb(group.createdAt()),
					JdbcTimes.toDb(group.createdAt()))
			.update();
	}

	@Override
	public void delete(UUID id) {
		this.jdbc.sql("DELETE FROM groups WHERE id = ?").param(id).update();
	}

	@Override
	public List<Group> groupsOf(UUID userId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM groups g JOIN group_memberships m ON m.group_id = g.id"
					+ " WHERE m.user_id = ? ORDER BY g.name, g.id")
			.param(userId)
			.query(JdbcGroupStore::group)
			.list();
	}

	@Override
	public void addMember(UUID groupId, UUID userId, Instant at) {
		this.jdbc
			.sql("INSERT INTO group_memberships (group_id, user_id, created_at) VALUES (?, ?, ?)"
					+ " ON CONFLICT DO NOTHING")
			.params(groupId, userId, JdbcTimes.toDb(at))
			.update();
	}

	@Override
	public void removeMember(UUID groupId, UUID userId) {
		this.jdbc.sql("DELETE FROM group_memberships WHERE group_id = ? AND user_id = ?")
			.params(groupId, userId)
			.update();
	}

	private static Group group(ResultSet rs, int row) throws SQLException {
		return new Group(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("unique_id"),
				JdbcTimes.fromDb(rs, "created_at"));
	}

}
