package dev.lanyard.testing.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;

/**
 * Answers for the JDK's {@code HttpServer}, which stands in for remote services in tests.
 */
public final class StubResponses {

	private StubResponses() {
	}

	/** A JSON body with that status. */
	public static void json(HttpExchange exchange, int status, String body) throws IOException {
		respond(exchange, status, "application/json", body);
	}

	/** A UTF-8 body of that content type with that status. */
	public static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", contentType);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
