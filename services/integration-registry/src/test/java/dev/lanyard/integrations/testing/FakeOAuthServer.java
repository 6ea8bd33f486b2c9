package dev.lanyard.integrations.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import dev.lanyard.testing.http.StubResponses;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An external OAuth provider on 127.0.0.1: {@code /authorize} answers 200, {@code /token}
 * runs the client-credentials grant for one client (HTTP Basic) and refuses anything else
 * with an OAuth error, {@code /slow} never answers in time, {@code /broken} answers 500.
 * Every access token it issues is remembered.
 */
public final class FakeOAuthServer implements AutoCloseable {

	private final HttpServer server;

	private final String clientId;

	private final String clientSecret;

	private final Map<String, Boolean> issued = new ConcurrentHashMap<>();

	public FakeOAuthServer(String clientId, String clientSecret) {
		this.clientId = clientId;
		this.clientSecret = clientSecret;
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/authorize",
				(exchange) -> StubResponses.respond(exchange, 200, "text/html", "<html>sign in</html>"));
		this.server.createContext("/token", this::token);
		this.server.createContext("/broken", (exchange) -> StubResponses.respond(exchange, 500, "text/plain", "down"));
		// an inside service that happens to answer with an "error" field
		this.server.createContext("/chatty", (exchange) -> StubResponses.respond(exchange, 400, "application/json",
				"{\"error\":\"redis-7 READONLY\",\"error_description\":\"java.net.ConnectException: db 10.0.0.5\"}"));
		this.server.createContext("/slow", (exchange) -> {
			try {
				Thread.sleep(5_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			StubResponses.respond(exchange, 200, "application/json", "{}");
		});
		this.server.start();
	}

	public String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	/** Every access token handed out so far. */
	public java.util.Set<String> issuedTokens() {
		return this.issued.keySet();
	}

	private void token(HttpExchange exchange) throws IOException {
		Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		String expected = "Basic " + Base64.getEncoder()
			.encodeToString((this.clientId + ":" + this.clientSecret).getBytes(StandardCharsets.UTF_8));
		if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
			StubResponses.respond(exchange, 401, "application/json",
					"{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}");
			return;
		}
		if (!"client_credentials".equals(form.get("grant_type"))) {
			StubResponses.respond(exchange, 400, "application/json",
					"{\"error\":\"invalid_grant\",\"error_description\":\"Unknown code\"}");
			return;
		}
		String token = "at-" + UUID.randomUUID();
		this.issued.put(token, true);
		String scope = form.getOrDefault("scope", "");
		StubResponses.respond(exchange, 200, "application/json", "{\"access_token\":\"" + token
				+ "\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\"" + scope + "\"}");
	}

	private static Map<String, String> form(String body) {
		Map<String, String> form = new HashMap<>();
		for (String pair : body.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return form;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
