package dev.lanyard.launcher.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A child process started by the launcher, its output appended to a log file. Detached
 * processes get a session of their own ({@code setsid}) so they outlive the launcher and
 * the terminal it ran in.
 */
public final class ManagedProcess {

	private static final Path SETSID = Path.of("/usr/bin/setsid");

	private final String component;

	private final ProcessHandle handle;

	private final int port;

	private final Path logFile;

	private ManagedProcess(String component, ProcessHandle handle, int port, Path logFile) {
		this.component = component;
		this.handle = handle;
		this.port = port;
		this.logFile = logFile;
	}

	/**
	 * Starts a process.
	 * @param component component name, used in messages
	 * @param command the command line
	 * @param environment variables to set (a null value removes an inherited one)
	 * @param workingDirectory where it runs
	 * @param logFile where its standard output and error are appended
	 * @param port the port it will serve, 0 when none
	 * @param detached whether it gets a session of its own
	 */
	public static ManagedProcess start(String component, List<String> command, Map<String, String> environment,
			Path workingDirectory, Path logFile, int port, boolean detached) {
		if (component == null || component.isBlank()) {
			throw new IllegalArgumentException("component cannot be blank");
		}
		if (command == null || command.isEmpty()) {
			throw new IllegalArgumentException("command cannot be empty");
		}
		List<String> line = new ArrayList<>();
		if (detached && Files.isExecutable(SETSID)) {
			line.add(SETSID.toString());
		}
		line.addAll(command);
		ProcessBuilder builder = new ProcessBuilder(line);
		environment.forEach((name, value) -> {
			if (value == null) {
				builder.environment().remove(name);
			}
			else {
				builder.environment().put(name, value);
			}
		});
		try {
			Files.createDirectories(workingDirectory);
			Files.createDirectories(logFile.getParent());
			builder.directory(workingDirectory.toFile());
			builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
			builder.redirectErrorStream(true);
			builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
			Process process = builder.start();
			return new ManagedProcess(component, process.toHandle(), port, logFile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + component + ": " + ex.getMessage(), ex);
		}
	}

	/** A process started earlier, found again from its record. */
	public static ManagedProcess attach(ProcessRecord record, ProcessHandle handle) {
		return new ManagedProcess(record.component(), handle, record.port(), record.logFile());
	}

	public String component() {
		return this.component;
	}

	public long pid() {
		return this.handle.pid();
	}

	public int port() {
		return this.port;
	}

	public Path logFile() {
		return this.logFile;
	}

	public boolean alive() {
		return this.handle.isAlive();
	}

	public ProcessRecord record() {
		return ProcessRecord.of(this.component, this.handle, this.port, this.logFile);
	}

	/** SIGTERM to the whole tree, SIGKILL to what is left after {@code grace}. */
	public void stop(Duration grace) {
		ProcessTree.terminate(this.handle, grace);
	}

	/**
	 * SIGKILL to the whole tree, no grace (a crash); returns once it is gone.
	 * @throws IllegalStateException when something of it is still alive after 10 s
	 */
	public void kill() {
		if (!ProcessTree.kill(this.handle, Duration.ofSeconds(10))) {
			throw new IllegalStateException(this.component + " (pid " + pid() + ") survived SIGKILL for 10 s");
		}
	}

	/** Why a process that should be running is not, for an error message. */
	public String deathNotice() {
		return this.component + " exited (pid " + pid() + "); see " + this.logFile + LogTail.describe(this.logFile, 15);
	}

}
