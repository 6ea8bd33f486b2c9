package dev.lanyard.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import dev.lanyard.launcher.process.ProcessRecord;

/** A second start while processes recorded in the same state folder still run. */
public final class AlreadyRunningException extends IllegalStateException {

	AlreadyRunningException(Path stateDirectory, List<ProcessRecord> running) {
		super("Lanyard is already running from " + stateDirectory + " ("
				+ running.stream()
					.map((record) -> record.component() + " pid " + record.pid())
					.collect(Collectors.joining(", "))
				+ "); stop it first with: bin/lanyard down");
	}

}
