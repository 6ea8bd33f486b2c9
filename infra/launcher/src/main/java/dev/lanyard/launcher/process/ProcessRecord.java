package dev.lanyard.launcher.process;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * What the launcher remembers of a process it started: enough to find it again from
 * another JVM ({@code bin/lanyard down}) without mistaking a recycled pid for it.
 *
 * @param component component name, e.g. {@code kafka}
 * @param pid process id
 * @param startedAt the process's start instant as the OS reports it, or null when unknown
 * @param port the port it serves, 0 when none
 * @param logFile where its output goes
 */
public record ProcessRecord(String component, long pid, Instant startedAt, int port, Path logFile) {

	public ProcessRecord {
		if (component == null || component.isBlank()) {
			throw new IllegalArgumentException("component cannot be blank");
		}
		if (pid <= 0) {
			throw new IllegalArgumentException("pid must be positive");
		}
	}

	public static ProcessRecord of(String component, ProcessHandle process, int port, Path logFile) {
		return new ProcessRecord(component, process.pid(), process.info().startInstant().orElse(null), port, logFile);
	}

	/**
	 * The live process this record describes, unless it has exited (or its pid was
	 * reused).
	 */
	public Optional<ProcessHandle> process() {
		return ProcessHandle.of(this.pid)
			.filter(ProcessHandle::isAlive)
			.filter((process) -> this.startedAt == null
					|| process.info().startInstant().map(this.startedAt::equals).orElse(true));
	}

	public boolean alive() {
		return process().isPresent();
	}

	public void write(Path file) {
		Properties properties = new Properties();
		properties.setProperty("component", this.component);
		properties.setProperty("pid", Long.toString(this.pid));
		if (this.startedAt != null) {
			properties.setProperty("startedAt", this.startedAt.toString());
		}
		properties.setProperty("port", Integer.toString(this.port));
		if (this.logFile != null) {
			properties.setProperty("logFile", this.logFile.toString());
		}
		try {
			Files.createDirectories(file.getParent());
			Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
			try (Writer writer = Files.newBufferedWriter(temporary)) {
				properties.store(writer, "process started by the Lanyard launcher");
			}
			Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
					java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file, ex);
		}
	}

	public static ProcessRecord read(Path file) {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
		try {
			String startedAt = properties.getProperty("startedAt");
			String logFile = properties.getProperty("logFile");
			return new ProcessRecord(properties.getProperty("component"),
					Long.parseLong(properties.getProperty("pid", "0")),
					(startedAt != null) ? Instant.parse(startedAt) : null,
					Integer.parseInt(properties.getProperty("port", "0")), (logFile != null) ? Path.of(logFile) : null);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Unreadable process record " + file + ": " + ex.getMessage(), ex);
		}
	}

}
