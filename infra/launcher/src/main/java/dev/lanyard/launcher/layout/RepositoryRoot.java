package dev.lanyard.launcher.layout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds the repository root: the system property {@code lanyard.root}, else the
 * environment variable {@code LANYARD_ROOT}, else the nearest folder at or above the
 * working directory that holds {@code bin/lanyard}.
 */
public final class RepositoryRoot {

	public static final String PROPERTY = "lanyard.root";

	public static final String VARIABLE = "LANYARD_ROOT";

	private RepositoryRoot() {
	}

	public static Path locate() {
		return locate(System.getProperty(PROPERTY), System.getenv(), Path.of(System.getProperty("user.dir")));
	}

	static Path locate(String property, Map<String, String> environment, Path workingDirectory) {
		if (property != null && !property.isBlank()) {
			return checked(Path.of(property), "system property " + PROPERTY);
		}
		String variable = environment.get(VARIABLE);
		if (variable != null && !variable.isBlank()) {
			return checked(Path.of(variable), "environment variable " + VARIABLE);
		}
		for (Path dir = workingDirectory.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve("bin/lanyard"))) {
				return dir;
			}
		}
		throw new IllegalStateException("Cannot find the Lanyard repository root: set the system property " + PROPERTY
				+ " or the environment variable " + VARIABLE
				+ ", or run from inside the repository (no bin/lanyard at or above " + workingDirectory.toAbsolutePath()
				+ ")");
	}

	private static Path checked(Path root, String source) {
		Path normalized = root.toAbsolutePath().normalize();
		if (!Files.isDirectory(normalized)) {
			throw new IllegalStateException(source + " names no directory: " + root);
		}
		return normalized;
	}

}
