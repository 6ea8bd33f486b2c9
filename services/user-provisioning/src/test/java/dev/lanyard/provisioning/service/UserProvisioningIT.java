package dev.lanyard.provisioning.service;

import java.util.List;
import java.util.UUID;

import dev.lanyard.testing.infrastructure.ServiceHealth;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** user-provisioning against real Kafka and PostgreSQL. */
class UserProvisioningIT extends ServiceTestSupport {

	@Test
	void healthWhenKafkaAndDatabaseReachableThenUpWithBoth() {
		ServiceHealth.assertUpWithKafkaAndDatabase(this.port);
	}

	@Test
	void migrationsWhenStartedThenTablesExist() {
		List<String> tables = this.jdbc.queryForList(
				"select table_name from information_schema.tables where table_schema = 'public'", String.class);
		assertThat(tables).contains("users", "groups", "group_memberships", "processed_login_events");
	}

	@Test
	@Transactional
	void usersWhenUsernamesDifferOnlyInCaseThenSecondRejected() {
		insertUser("Ada");
		assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() -> insertUser("ada"));
	}

	@Test
	@Transactional
	void groupsWhenNamesDifferOnlyInCaseThenBothKept() {
		this.jdbc.update("insert into groups (id, name, created_at, updated_at) values (?, 'Ops', now(), now())",
				UUID.randomUUID());
		this.jdbc.update("insert into groups (id, name, created_at, updated_at) values (?, 'ops', now(), now())",
				UUID.randomUUID());
		assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() -> this.jdbc.update(
				"insert into groups (id, name, created_at, updated_at) values (?, 'Ops', now(), now())",
				UUID.randomUUID()));
	}

	@Test
	@Transactional
	void membershipsWhenUserDeletedThenGone() {
		UUID user = insertUser("grace");
		UUID group = UUID.randomUUID();
		this.jdbc.update("insert into groups (id, name, created_at, updated_at) values (?, 'engineers', now(), now())",
				group);
		this.jdbc.update("insert into group_memberships (group_id, user_id, created_at) values (?, ?, now())", group,
				user);
		this.jdbc.update("delete from users where id = ?", user);
		assertThat(this.jdbc.queryForObject("select count(*) from group_memberships where group_id = ?", Integer.class,
				group))
			.isZero();
	}

	@Test
	@Transactional
	void usersWhenRoleUnknownThenRejected() {
		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> this.jdbc.update(
				"insert into users (id, username, role, created_at, updated_at) values (?, 'eve', 'root', now(), now())",
				UUID.randomUUID()));
	}

	private UUID insertUser(String username) {
		UUID id = UUID.randomUUID();
		this.jdbc.update(
				"insert into users (id, username, role, created_at, updated_at) values (?, ?, 'viewer', now(), now())",
				id, username);
		return id;
	}

}
