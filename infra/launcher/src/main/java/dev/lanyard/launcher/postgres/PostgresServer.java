package dev.lanyard.launcher.postgres;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * PostgreSQL as a process of its own for {@code bin/lanyard up}: starts an embedded
 * server on a fixed port with a persistent data directory, creates the given databases,
 * prints {@code ready}, and runs until it is terminated, stopping the server cleanly.
 * <p>
 * Usage: {@code PostgresServer <port> <data-directory> <binaries-cache> [database,...]}
 */
public final class PostgresServer {

	private PostgresServer() {
	}

	public static void main(String[] args) throws InterruptedException {
		if (args.length < 3) {
			System.err.println("Usage: PostgresServer <port> <data-directory> <binaries-cache> [database,...]");
			System.exit(2);
		}
		int port = Integer.parseInt(args[0]);
		Path data = Path.of(args[1]);
		PostgresBinaries binaries = new PostgresBinaries(Path.of(args[2]));
		List<String> databases = (args.length > 3)
				? Arrays.stream(args[3].split(",")).map(String::strip).filter((name) -> !name.isEmpty()).toList()
				: List.of();
		EmbeddedPostgresServer server = EmbeddedPostgresServer.start(port, data, false, binaries);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			System.out.println("Stopping PostgreSQL on port " + port);
			server.close();
			stopped.countDown();
		}, "postgres-stop"));
		databases.forEach(server.databases()::ensure);
		System.out.println("PostgreSQL ready on 127.0.0.1:" + server.port() + " with databases " + databases);
		stopped.await();
	}

}
