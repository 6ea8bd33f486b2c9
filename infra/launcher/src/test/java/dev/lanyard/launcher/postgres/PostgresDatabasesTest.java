package dev.lanyard.launcher.postgres;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PostgresDatabasesTest {

	@Test
	void jdbcUrlWhenServerUrlPlainThenDatabaseAppended() {
		PostgresDatabases databases = new PostgresDatabases("jdbc:postgresql://127.0.0.1:15432/", "postgres", "x");
		assertThat(databases.jdbcUrl("audit")).isEqualTo("jdbc:postgresql://127.0.0.1:15432/audit");
	}

	@Test
	void jdbcUrlWhenServerUrlHasParametersThenDatabaseBeforeThem() {
		PostgresDatabases databases = new PostgresDatabases("jdbc:postgresql://db:5432?sslmode=require", "u", "p");
		assertThat(databases.jdbcUrl("token_broker"))
			.isEqualTo("jdbc:postgresql://db:5432/token_broker?sslmode=require");
	}

	@Test
	void jdbcUrlWhenNameIsNotAnIdentifierThenRejected() {
		PostgresDatabases databases = new PostgresDatabases("jdbc:postgresql://db:5432", "u", "p");
		assertThatIllegalArgumentException().isThrownBy(() -> databases.jdbcUrl("audit; DROP"))
			.withMessageContaining("database");
	}

	@Test
	void constructorWhenNotAPostgresUrlThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PostgresDatabases("jdbc:mysql://db", "u", "p"))
			.withMessageContaining("serverUrl");
	}

}
