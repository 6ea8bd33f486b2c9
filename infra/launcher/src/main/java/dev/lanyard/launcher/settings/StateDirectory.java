package dev.lanyard.launcher.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

import dev.lanyard.launcher.process.Folders;
import dev.lanyard.launcher.process.ProcessRegistry;

/**
 * The one folder holding a launcher's state: process records ({@code run/}), logs
 * ({@code logs/}), data ({@code data/}), working folders ({@code work/}) and generated
 * settings (files readable by the owner only).
 */
public final class StateDirectory {

	private final Path root;

	public StateDirectory(Path root) {
		if (root == null) {
			throw new IllegalArgumentException("root cannot be null");
		}
		this.root = root.toAbsolutePath().normalize();
	}

	public Path root() {
		return this.root;
	}

	public ProcessRegistry processes() {
		return new ProcessRegistry(this.root.resolve("run"));
	}

	public Path logFile(String component) {
		return this.root.resolve("logs").resolve(component + ".log");
	}

	public Path data(String component) {
		return this.root.resolve("data").resolve(component);
	}

	public Path work(String component) {
		return this.root.resolve("work").resolve(component);
	}

	public Path file(String name) {
		return this.root.resolve(name);
	}

	/** Deletes the data, work folders, logs and process records of earlier runs. */
	public void deleteRunData() {
		for (String folder : java.util.List.of("data", "work", "logs", "run")) {
			Folders.deleteRecursively(this.root.resolve(folder));
		}
	}

	/** Reads a properties file, empty when it does not exist. */
	public Properties read(String name) {
		Properties properties = new Properties();
		Path file = file(name);
		if (Files.isRegularFile(file)) {
			try (Reader reader = Files.newBufferedReader(file)) {
				properties.load(reader);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read " + file, ex);
			}
		}
		return properties;
	}

	/** Writes a properties file that only its owner may read (mode 600). */
	public void writePrivate(String name, Properties properties, String comment) {
		writePrivate(name, (writer) -> properties.store(writer, comment));
	}

	/** Writes one secret value as a file that only its owner may read (mode 600). */
	public void writePrivateText(String name, String text) {
		writePrivate(name, (writer) -> writer.write(text));
	}

	private void writePrivate(String name, Content content) {
		Path file = file(name);
		try {
			Files.createDirectories(this.root);
			Path temporary = file.resolveSibling(name + ".tmp");
			Files.deleteIfExists(temporary);
			Files.createFile(temporary,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			try (Writer writer = Files.newBufferedWriter(temporary)) {
				content.writeTo(writer);
			}
			// atomic: a reader sees the old secret or the new one, never half of one
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file, ex);
		}
	}

	@FunctionalInterface
	private interface Content {

		void writeTo(Writer writer) throws IOException;

	}

}
