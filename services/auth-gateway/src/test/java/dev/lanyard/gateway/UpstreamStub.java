package dev.lanyard.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for a service behind the gateway (only to test routing): answers every
 * request with 200 and its own name, and records what it received.
 */
final class UpstreamStub implements AutoCloseable {

	private final String name;

	private final HttpServer server;

	private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

	private UpstreamStub(String name) throws IOException {
		this.name = name;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::answer);
		this.server.start();
	}

	static UpstreamStub start(String name) {
		try {
			return new UpstreamStub(name);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start upstream stub " + name, ex);
		}
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** Forgets the requests received so far. */
	void clear() {
		this.received.clear();
	}

	/** Requests received and not yet taken by {@link #next}. */
	int pending() {
		return this.received.size();
	}

	/** A loopback port nothing listens on (free when asked). */
	static int unusedPort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
				java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot find a free port", ex);
		}
	}

	Received next(Duration timeout) throws InterruptedException {
		Received next = this.received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
		if (next == null) {
			throw new AssertionError(this.name + " received no request within " + timeout);
		}
		return next;
	}

	private void answer(HttpExchange exchange) throws IOException {
		try (exchange; InputStream in = exchange.getRequestBody()) {
			String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			Headers headers = exchange.getRequestHeaders();
			this.received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
					headers.getFirst("Authorization"), headers.getFirst("X-Correlation-Id"), headers.getFirst("Cookie"),
					body));
			byte[] answer = ("{\"upstream\":\"" + this.name + "\"}").getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			// a service may echo its own id; the caller must still see exactly the
			// gateway's
			exchange.getResponseHeaders().set("X-Correlation-Id", "set-by-" + this.name);
			exchange.sendResponseHeaders(200, answer.length);
			exchange.getResponseBody().write(answer);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	record Received(String method, String uri, String authorization, String correlationId, String cookie, String body) {
	}

}
