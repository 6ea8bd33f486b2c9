package dev.lanyard.integrations.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP listener on 127.0.0.1 that only counts the connections it accepts (and closes
 * them): whether anything reached loopback at all.
 */
public final class CountingListener implements AutoCloseable {

	private final ServerSocket socket;

	private final AtomicInteger accepted = new AtomicInteger();

	public CountingListener() {
		try {
			this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		Thread.ofVirtual().start(this::accept);
	}

	public int port() {
		return this.socket.getLocalPort();
	}

	public int accepted() {
		return this.accepted.get();
	}

	private void accept() {
		while (!this.socket.isClosed()) {
			try (Socket ignored = this.socket.accept()) {
				this.accepted.incrementAndGet();
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	@Override
	public void close() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			// nothing left to do
		}
	}

}
