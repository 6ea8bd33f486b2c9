package dev.lanyard.launcher.postgres;

import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.launcher.process.Folders;

/**
 * A kept data directory whose {@code initdb} was interrupted (it holds {@code PG_VERSION}
 * but no {@code global/pg_control}) makes every later start fail: {@code initdb} refuses
 * a folder that is not empty. No server has ever run on such a folder, so nothing in it
 * can be lost; it is removed and made again.
 */
final class DataDirectory {

	private static final Logger logger = LoggerFactory.getLogger(DataDirectory.class);

	private DataDirectory() {
	}

	static void discardIfNeverInitialised(Path dataDirectory) {
		if (Files.isRegularFile(dataDirectory.resolve("PG_VERSION"))
				&& !Files.isRegularFile(dataDirectory.resolve("global/pg_control"))) {
			logger.warn("Removing {}: its initdb never finished (no global/pg_control), it is made again",
					dataDirectory);
			Folders.deleteRecursively(dataDirectory);
		}
	}

}
