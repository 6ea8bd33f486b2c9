package dev.lanyard.launcher.postgres;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * PostgreSQL as a process of its own for {@code bin/lanyard up}: starts an embedded
 * server on a fixed port with a persistent data directory, gives each of the given
 * databases a role of its own ({@link PostgresDatabases#ensureOwnedBy}) with the
 * passwords of the passwords file ({@link PostgresCredentials}), prints {@code ready},
 * and runs until it is terminated, stopping the server cleanly.
 * <p>
 * Usage:
 * {@code PostgresServer <port> <data-directory> <binaries-cache> <passwords-file> [database,...]}
 */
public final class PostgresServer {

	private PostgresServer() {
	}

	public static void main(String[] args) throws InterruptedException {
		if (args.length < 4) {
			System.err.println(
					"Usage: PostgresServer <port> <data-directory> <binaries-cache> <passwords-file> [database,...]");
			System.exit(2);
		}
		int port = Integer.parseInt(args[0]);
		Path data = Path.of(args[1]);
		PostgresBinaries binaries = new PostgresBinaries(Path.of(args[2]));
		PostgresCredentials credentials = PostgresCredentials.read(Path.of(args[3]));
		List<String> databases = (args.length > 4)
				? Arrays.stream(args[4].split(",")).map(String::strip).filter((name) -> !name.isEmpty()).toList()
				: List.of();
		EmbeddedPostgresServer server = EmbeddedPostgresServer.start(port, data, false, binaries,
				credentials.superuserPassword());
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			System.out.println("Stopping PostgreSQL on port " + port);
			server.close();
			stopped.countDown();
		}, "postgres-stop"));
		databases.forEach((database) -> server.databases().ensureOwnedBy(database, credentials.passwordOf(database)));
		System.out.println("PostgreSQL ready on 127.0.0.1:" + server.port() + " with databases " + databases
				+ ", each owned by its own role");
		stopped.await();
	}

}
