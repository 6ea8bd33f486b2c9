package dev.lanyard.launcher.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The data directory's {@code pg_hba.conf}: a password (SCRAM-SHA-256) for every
 * connection, over TCP and the Unix socket alike. Which databases a role reaches is the
 * server's {@code CONNECT} privilege ({@link PostgresDatabases#ensureOwnedBy}).
 */
final class PgHba {

	static final String FILE = "pg_hba.conf";

	static final String CONTENT = """
			# Written by the Lanyard launcher at every start; changes here are overwritten.
			# Every connection needs its role's password (SCRAM-SHA-256); the server listens
			# on 127.0.0.1 only. Each service's role may connect to its own database alone.
			local   all   all                  scram-sha-256
			host    all   all   127.0.0.1/32   scram-sha-256
			""";

	private PgHba() {
	}

	/**
	 * Whether the data directory's file lets someone in without a password: a data
	 * directory from a launcher that trusted every local connection.
	 */
	static boolean trusts(Path dataDirectory) {
		Path file = dataDirectory.resolve(FILE);
		if (!Files.isRegularFile(file)) {
			return false;
		}
		try {
			return Files.readAllLines(file)
				.stream()
				.map(String::strip)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.anyMatch((line) -> line.matches(".*\\strust(\\s.*)?"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
	}

	/** Writes the launcher's file (mode 600, as initdb writes it). */
	static void write(Path dataDirectory) {
		Path file = dataDirectory.resolve(FILE);
		try {
			Files.writeString(file, CONTENT);
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file, ex);
		}
	}

}
