package dev.lanyard.launcher.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops a process and every process below it: SIGTERM, then SIGKILL after a bounded wait.
 */
public final class ProcessTree {

	private ProcessTree() {
	}

	/**
	 * Terminates {@code root} and its descendants.
	 * @return true when everything exited on SIGTERM within {@code grace}
	 */
	public static boolean terminate(ProcessHandle root, Duration grace) {
		if (root == null) {
			throw new IllegalArgumentException("root cannot be null");
		}
		if (grace == null || grace.isNegative()) {
			throw new IllegalArgumentException("grace cannot be negative");
		}
		List<ProcessHandle> all = new ArrayList<>(root.descendants().toList());
		all.add(0, root);
		// the root first: a JVM runs its shutdown hooks, a postmaster stops its own
		// children
		root.destroy();
		boolean graceful = awaitExit(List.of(root), grace);
		if (!graceful) {
			all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
			awaitExit(all, Duration.ofSeconds(10));
			return false;
		}
		List<ProcessHandle> left = all.stream().filter(ProcessHandle::isAlive).toList();
		left.forEach(ProcessHandle::destroy);
		if (!awaitExit(left, Duration.ofSeconds(5))) {
			left.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
			awaitExit(left, Duration.ofSeconds(10));
			graceful = false;
		}
		return graceful;
	}

	/**
	 * SIGKILLs {@code root} and its descendants at once, as a crash would: no shutdown
	 * hook runs, nothing is flushed or closed.
	 * @return true when everything is gone within {@code timeout}
	 */
	public static boolean kill(ProcessHandle root, Duration timeout) {
		if (root == null) {
			throw new IllegalArgumentException("root cannot be null");
		}
		if (timeout == null || timeout.isNegative()) {
			throw new IllegalArgumentException("timeout cannot be negative");
		}
		List<ProcessHandle> all = new ArrayList<>(root.descendants().toList());
		all.add(0, root);
		// the root first, so it cannot start another child meanwhile
		all.forEach(ProcessHandle::destroyForcibly);
		return awaitExit(all, timeout);
	}

	private static boolean awaitExit(List<ProcessHandle> processes, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		for (ProcessHandle process : processes) {
			CompletableFuture<ProcessHandle> exit = process.onExit();
			long remaining = deadline - System.nanoTime();
			try {
				exit.get(Math.max(remaining, 0), TimeUnit.NANOSECONDS);
			}
			catch (TimeoutException ex) {
				return false;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
			catch (ExecutionException ex) {
				// onExit never completes exceptionally; treat as gone
			}
		}
		return true;
	}

}
