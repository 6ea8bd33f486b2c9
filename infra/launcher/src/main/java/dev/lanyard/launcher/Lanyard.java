package dev.lanyard.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import dev.lanyard.launcher.layout.RepositoryRoot;
import dev.lanyard.launcher.process.LogTail;
import dev.lanyard.launcher.settings.LauncherSettings;
import dev.lanyard.launcher.settings.Setting;
import dev.lanyard.launcher.settings.StateDirectory;

/** {@code bin/lanyard}: {@code up | down | status | logs [component] | help}. */
public final class Lanyard {

	static final int OK = 0;

	static final int FAILED = 1;

	static final int USAGE = 2;

	private final Map<String, String> environment;

	private final PrintStream out;

	private final PrintStream err;

	Lanyard(Map<String, String> environment, PrintStream out, PrintStream err) {
		this.environment = environment;
		this.out = out;
		this.err = err;
	}

	public static void main(String[] args) {
		int status = new Lanyard(System.getenv(), System.out, System.err).run(args);
		System.out.flush();
		System.exit(status);
	}

	int run(String... args) {
		Command command;
		try {
			command = Command.parse(args);
		}
		catch (IllegalArgumentException ex) {
			this.err.println(ex.getMessage());
			this.err.println(Command.USAGE);
			return USAGE;
		}
		try {
			if (command.verb().equals("help")) {
				return help();
			}
			LauncherSettings settings = LauncherSettings.fromEnvironment(this.environment, RepositoryRoot.locate());
			return switch (command.verb()) {
				case "up" -> up(settings);
				case "down" -> down(settings);
				case "status" -> status(settings);
				default -> logs(settings, command);
			};
		}
		catch (RuntimeException ex) {
			this.err.println("lanyard " + command.verb() + ": " + ex.getMessage());
			return FAILED;
		}
	}

	private int up(LauncherSettings settings) {
		StateDirectory state = new StateDirectory(settings.stateDirectory());
		try (FileLock lock = lock(state)) {
			if (lock == null) {
				this.err.println("Another bin/lanyard up is starting from " + state.root() + "; wait for it.");
				return FAILED;
			}
			long started = System.nanoTime();
			Ensemble ensemble;
			try {
				ensemble = Ensemble.startDetached(settings, (message) -> this.out.println("  " + message));
			}
			catch (AlreadyRunningException ex) {
				this.err.println(ex.getMessage());
				return FAILED;
			}
			new ReadySummary(ensemble, state).print(this.out, Ensemble.seconds(started));
			return OK;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private int down(LauncherSettings settings) {
		List<String> stopped = Lifecycle.stopRecorded(new StateDirectory(settings.stateDirectory()), this.out::println);
		this.out.println(stopped.isEmpty() ? "Nothing was running." : "Stopped " + String.join(", ", stopped) + ".");
		return OK;
	}

	private int status(LauncherSettings settings) {
		List<StatusReport.Row> rows = StatusReport.of(settings);
		this.out.printf("%-22s %-8s %-40s %s%n", "COMPONENT", "PID", "ADDRESS", "HEALTH");
		for (StatusReport.Row row : rows) {
			this.out.printf("%-22s %-8s %-40s %s%n", row.component(), (row.pid() != null) ? row.pid() : "-",
					row.address(), row.health());
		}
		return rows.stream().allMatch(StatusReport.Row::healthy) ? OK : FAILED;
	}

	private int logs(LauncherSettings settings, Command command) {
		StateDirectory state = new StateDirectory(settings.stateDirectory());
		if (command.component() != null) {
			Path file = state.logFile(command.component());
			if (!Files.isRegularFile(file)) {
				this.err.println("No log for " + command.component() + " at " + file);
				return FAILED;
			}
			LogTail.lastLines(file, command.lines()).forEach(this.out::println);
			return OK;
		}
		for (String component : EnsembleComponents.STOP_ORDER.reversed()) {
			Path file = state.logFile(component);
			if (Files.isRegularFile(file)) {
				this.out.println("==> " + file + " <==");
				LogTail.lastLines(file, Math.min(command.lines(), 20)).forEach(this.out::println);
				this.out.println();
			}
		}
		return OK;
	}

	private int help() {
		this.out.println(Command.USAGE);
		this.out.println();
		this.out.println("Settings (environment variables):");
		for (Setting setting : Setting.values()) {
			this.out.printf("  %-34s %s%n  %-34s   default: %s%n", setting.variable(), setting.description(), "",
					setting.defaultValue().isEmpty() ? "(unset)" : setting.defaultValue());
		}
		this.out.println(
				"""
						LANYARD_JAVA_HOME                  the JDK 25 bin/lanyard runs (default: JAVA_HOME if 25+, else /usr/lib/jvm/*25*)
						LANYARD_BUILD                      'always' rebuilds before up; by default bin/lanyard builds when something is missing or stale""");
		return OK;
	}

	/**
	 * A lock on the state folder held while {@code up} starts things, or null when
	 * someone else holds it.
	 */
	private static FileLock lock(StateDirectory state) throws IOException {
		Files.createDirectories(state.root());
		FileChannel channel = FileChannel.open(state.file("up.lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE);
		FileLock lock = channel.tryLock();
		if (lock == null) {
			channel.close();
		}
		return lock;
	}

}
