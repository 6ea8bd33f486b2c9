package dev.lanyard.launcher.process;

import java.time.Duration;

/**
 * CPU time used by a process and its live descendants (PostgreSQL's backends, the
 * processes a wrapper started), as the operating system counts it.
 */
public final class ProcessCpu {

	private ProcessCpu() {
	}

	/** CPU time so far of the process and its descendants; zero when it is gone. */
	public static Duration used(ProcessHandle process) {
		if (process == null) {
			throw new IllegalArgumentException("process cannot be null");
		}
		Duration own = process.info().totalCpuDuration().orElse(Duration.ZERO);
		return process.descendants()
			.map((child) -> child.info().totalCpuDuration().orElse(Duration.ZERO))
			.reduce(own, Duration::plus);
	}

}
