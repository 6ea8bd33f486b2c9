package dev.lanyard.launcher.process;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Bounded waits for something to become true, failing fast when the process behind it
 * dies.
 */
public final class Waits {

	private static final Duration POLL = Duration.ofMillis(200);

	private Waits() {
	}

	/**
	 * Waits until {@code condition} holds.
	 * @param what what is awaited, for the timeout message
	 * @param timeout how long at most
	 * @param process the process that must stay alive meanwhile, or null
	 * @param condition the condition, polled; exceptions count as false
	 */
	public static void until(String what, Duration timeout, ManagedProcess process, BooleanSupplier condition) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			if (holds(condition)) {
				return;
			}
			if (process != null && !process.alive()) {
				throw new IllegalStateException("While waiting for " + what + ": " + process.deathNotice());
			}
			if (System.nanoTime() > deadline) {
				String where = (process != null) ? "; see " + process.logFile() : "";
				throw new IllegalStateException(
						"Timed out after " + timeout.toSeconds() + " s waiting for " + what + where);
			}
			sleep(POLL);
		}
	}

	private static boolean holds(BooleanSupplier condition) {
		try {
			return condition.getAsBoolean();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/** Whether something accepts TCP connections on 127.0.0.1:{@code port}. */
	public static boolean listening(int port) {
		return listening("127.0.0.1", port);
	}

	public static boolean listening(String host, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** A loopback port nobody listens on right now. */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException("No free loopback port: " + ex.getMessage(), ex);
		}
	}

	public static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

}
