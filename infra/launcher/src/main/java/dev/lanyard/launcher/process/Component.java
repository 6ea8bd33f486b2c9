package dev.lanyard.launcher.process;

import java.time.Duration;

/** A piece of the ensemble that runs as a process of its own. */
public interface Component {

	/** Its name in commands, records and log file names, e.g. {@code kafka}. */
	String name();

	/** Starts it unless it runs, returning once it serves. */
	ManagedProcess start(Duration timeout);

	/** Stops it, whole process tree, if it runs. */
	void stop();

	/** Its process, or null when it was not started by this JVM. */
	ManagedProcess process();

}
