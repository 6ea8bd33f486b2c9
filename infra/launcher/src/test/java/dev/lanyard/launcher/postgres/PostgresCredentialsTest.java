package dev.lanyard.launcher.postgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lanyard.launcher.settings.StateDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PostgresCredentialsTest {

	@TempDir
	Path folder;

	@Test
	void loadOrCreateWhenFirstCalledThenOnePasswordPerDatabaseInPrivateFile() throws Exception {
		StateDirectory state = new StateDirectory(this.folder);
		PostgresCredentials credentials = PostgresCredentials.loadOrCreate(state, List.of("audit", "token_broker"));
		assertThat(credentials.rolePasswords()).containsOnlyKeys("audit", "token_broker");
		assertThat(List.of(credentials.superuserPassword(), credentials.passwordOf("audit"),
				credentials.passwordOf("token_broker")))
			.doesNotHaveDuplicates()
			.allSatisfy((password) -> assertThat(password).hasSizeGreaterThanOrEqualTo(43));
		Path file = state.file(PostgresCredentials.FILE);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
	}

	@Test
	void loadOrCreateWhenCalledAgainThenSamePasswords() {
		StateDirectory state = new StateDirectory(this.folder);
		assertThat(PostgresCredentials.loadOrCreate(state, List.of("audit")))
			.isEqualTo(PostgresCredentials.loadOrCreate(state, List.of("audit")));
	}

	@Test
	void loadOrCreateWhenDatabaseAddedThenOthersKeepTheirs() {
		StateDirectory state = new StateDirectory(this.folder);
		PostgresCredentials before = PostgresCredentials.loadOrCreate(state, List.of("audit"));
		PostgresCredentials after = PostgresCredentials.loadOrCreate(state, List.of("audit", "token_broker"));
		assertThat(after.superuserPassword()).isEqualTo(before.superuserPassword());
		assertThat(after.passwordOf("audit")).isEqualTo(before.passwordOf("audit"));
		assertThat(after.passwordOf("token_broker")).hasSizeGreaterThanOrEqualTo(43);
	}

	@Test
	void readWhenWrittenThenSamePasswords() {
		StateDirectory state = new StateDirectory(this.folder);
		PostgresCredentials written = PostgresCredentials.loadOrCreate(state, List.of("audit"));
		assertThat(PostgresCredentials.read(state.file(PostgresCredentials.FILE))).isEqualTo(written);
	}

	@Test
	void readWhenNoFileThenThrows() {
		assertThatIllegalStateException()
			.isThrownBy(() -> PostgresCredentials.read(this.folder.resolve(PostgresCredentials.FILE)))
			.withMessageEndingWith("holds no PostgreSQL superuser password");
	}

	@Test
	void toStringWhenPrintedThenNoPassword() {
		PostgresCredentials credentials = PostgresCredentials.loadOrCreate(new StateDirectory(this.folder),
				List.of("audit"));
		assertThat(credentials.toString()).doesNotContain(credentials.superuserPassword())
			.doesNotContain(credentials.passwordOf("audit"));
	}

	@Test
	void passwordOfWhenUnknownDatabaseThenThrows() {
		PostgresCredentials credentials = PostgresCredentials.loadOrCreate(new StateDirectory(this.folder),
				List.of("audit"));
		assertThatIllegalArgumentException().isThrownBy(() -> credentials.passwordOf("stranger"))
			.withMessage("No PostgreSQL role is declared for the database stranger");
	}

	@Test
	void constructorWhenSuperuserPasswordShortThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PostgresCredentials("short", Map.of()))
			.withMessage("superuserPassword must be at least 32 characters");
	}

	@Test
	void loadOrCreateWhenDatabaseNameNotAnIdentifierThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PostgresCredentials.loadOrCreate(new StateDirectory(this.folder),
					List.of("audit; DROP ROLE postgres")))
			.withMessageStartingWith("database must be a lower-case SQL identifier");
	}

}
