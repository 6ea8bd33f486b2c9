package dev.lanyard.launcher.postgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.lanyard.launcher.layout.Distribution;
import dev.lanyard.launcher.layout.RepositoryRoot;
import dev.lanyard.launcher.process.Folders;
import dev.lanyard.launcher.process.Waits;
import dev.lanyard.launcher.settings.StateDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The launcher's PostgreSQL as {@code bin/lanyard up} runs it (its own process, the
 * passwords of the state folder): nobody gets in without a password, and each service's
 * role reaches its own database only — also on a data directory an earlier launcher made
 * with trust authentication.
 */
class PostgresAuthenticationIT {

	private static final Duration TIMEOUT = Duration.ofMinutes(3);

	private static final List<String> DATABASES = List.of("svc_a", "svc_b");

	/** Replacing it takes its owner: the role, once the upgrade handed it over. */
	private static final String FUNCTION = """
			CREATE OR REPLACE FUNCTION named() RETURNS trigger LANGUAGE plpgsql AS $$
			BEGIN
				RETURN NEW;
			END
			$$""";

	private final Path home = Path.of("target/postgres-authentication")
		.toAbsolutePath()
		.resolve(Long.toString(System.nanoTime()));

	private final Distribution distribution = new Distribution(RepositoryRoot.locate());

	private final StateDirectory state = new StateDirectory(this.home);

	private final int port = Waits.freePort();

	private PostgresProcess postgres;

	@AfterEach
	void stop() {
		if (this.postgres != null) {
			this.postgres.stop();
		}
		Folders.deleteRecursively(this.home);
	}

	@Test
	void connectWhenNoPasswordThenRefused() {
		start();
		assertRefused("svc_a", PostgresCredentials.SUPERUSER, "");
		assertRefused("svc_a", PostgresCredentials.SUPERUSER, "postgres");
		assertRefused("svc_a", "svc_a", "");
	}

	@Test
	void connectWhenServiceRoleThenItsOwnDatabaseOnly() throws Exception {
		PostgresCredentials credentials = start();
		try (Connection own = connect("svc_a", "svc_a", credentials.passwordOf("svc_a"))) {
			execute(own, "CREATE TABLE owned_by_a (id int)");
		}
		assertRefused("svc_a", "svc_a", credentials.passwordOf("svc_b"));
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> connect("svc_b", "svc_a", credentials.passwordOf("svc_a")).close())
			.satisfies((ex) -> assertThat(ex.getSQLState()).as(ex.getMessage()).isEqualTo("42501"));
		assertNoPasswordLogged(credentials);
	}

	@Test
	void startWhenDataDirectoryTrustedEveryoneThenPasswordsAreRequiredAndItsTablesGoToTheRole() throws Exception {
		Path data = this.home.resolve("data");
		// what the launcher made before: initdb's trust, tables created as the superuser
		try (EmbeddedPostgres trusting = EmbeddedPostgres.builder()
			.setOverrideWorkingDirectory(binaries().cache().toFile())
			.setPgBinaryResolver(binaries().resolver())
			.setDataDirectory(data)
			.setCleanDataDirectory(false)
			.start()) {
			try (Connection connection = trusting.getPostgresDatabase().getConnection()) {
				execute(connection, "CREATE DATABASE svc_a");
			}
			try (Connection connection = trusting.getDatabase("postgres", "svc_a").getConnection()) {
				execute(connection, "CREATE TABLE kept (id bigint GENERATED ALWAYS AS IDENTITY, name text)");
				execute(connection, "INSERT INTO kept (name) VALUES ('from before')");
				// as audit's ledger: a function behind a trigger
				execute(connection, FUNCTION);
				execute(connection,
						"CREATE TRIGGER kept_named BEFORE INSERT ON kept FOR EACH ROW EXECUTE FUNCTION named()");
			}
		}
		assertThat(Files.readString(data.resolve("pg_hba.conf"))).contains("trust");

		PostgresCredentials credentials = start();

		assertRefused("svc_a", PostgresCredentials.SUPERUSER, "");
		try (Connection own = connect("svc_a", "svc_a", credentials.passwordOf("svc_a"))) {
			execute(own, "INSERT INTO kept (name) VALUES ('after')");
			execute(own, "ALTER TABLE kept ADD COLUMN added text");
			execute(own, FUNCTION);
		}
		assertThat(Files.readString(data.resolve("pg_hba.conf"))).doesNotContain("trust");
		assertThat(Files.readString(this.home.resolve("postgres.log")))
			.contains("now asks every role for its password");
		assertNoPasswordLogged(credentials);
	}

	private PostgresCredentials start() {
		PostgresCredentials credentials = PostgresCredentials.loadOrCreate(this.state, DATABASES);
		this.postgres = new PostgresProcess(this.port, this.home.resolve("data"), DATABASES, binaries(),
				this.state.file(PostgresCredentials.FILE), this.distribution.launcherClasspath(), this.home,
				this.home.resolve("postgres.log"), false);
		this.postgres.start(TIMEOUT);
		return credentials;
	}

	private static PostgresBinaries binaries() {
		return PostgresBinaries.fromEnvironment(System.getenv());
	}

	private Connection connect(String database, String user, String password) throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + this.port + "/" + database, user, password);
	}

	/**
	 * 28P01: password authentication failed; 08004: the server asked for one and got
	 * none.
	 */
	private void assertRefused(String database, String user, String password) {
		assertThatExceptionOfType(SQLException.class).as("%s signing in to %s", user, database)
			.isThrownBy(() -> connect(database, user, password).close())
			.satisfies((ex) -> assertThat(ex.getSQLState()).as(ex.getMessage()).isIn("28P01", "08004"));
	}

	private void assertNoPasswordLogged(PostgresCredentials credentials) throws java.io.IOException {
		String log = Files.readString(this.home.resolve("postgres.log"));
		assertThat(log).isNotEmpty().doesNotContain(credentials.superuserPassword());
		DATABASES.forEach((database) -> assertThat(log).doesNotContain(credentials.passwordOf(database)));
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
