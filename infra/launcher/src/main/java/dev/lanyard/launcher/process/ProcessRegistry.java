package dev.lanyard.launcher.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The processes the launcher started, one record file each in a folder, so that another
 * JVM can list and stop them.
 */
public final class ProcessRegistry {

	private static final String SUFFIX = ".process";

	private final Path directory;

	public ProcessRegistry(Path directory) {
		if (directory == null) {
			throw new IllegalArgumentException("directory cannot be null");
		}
		this.directory = directory;
	}

	public void remember(ProcessRecord record) {
		record.write(file(record.component()));
	}

	public void remember(ManagedProcess process) {
		remember(process.record());
	}

	public void forget(String component) {
		try {
			Files.deleteIfExists(file(component));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public Optional<ProcessRecord> find(String component) {
		Path file = file(component);
		return Files.isRegularFile(file) ? Optional.of(ProcessRecord.read(file)) : Optional.empty();
	}

	public List<ProcessRecord> all() {
		if (!Files.isDirectory(this.directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(this.directory)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(SUFFIX))
				.sorted()
				.map(ProcessRecord::read)
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list " + this.directory, ex);
		}
	}

	/** The recorded processes that are still running. */
	public List<ProcessRecord> running() {
		return all().stream().filter(ProcessRecord::alive).toList();
	}

	/** Stops a recorded process tree (if it still runs) and forgets it. */
	public void terminate(String component, Duration grace) {
		find(component).flatMap(ProcessRecord::process).ifPresent((process) -> ProcessTree.terminate(process, grace));
		forget(component);
	}

	private Path file(String component) {
		if (component == null || !component.matches("[a-z0-9-]+")) {
			throw new IllegalArgumentException("component must be lower-case letters, digits and dashes: " + component);
		}
		return this.directory.resolve(component + SUFFIX);
	}

}
