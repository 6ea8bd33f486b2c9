package dev.lanyard.launcher.oidc;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.lanyard.launcher.process.Component;
import dev.lanyard.launcher.process.JavaCommand;
import dev.lanyard.launcher.process.ManagedProcess;
import dev.lanyard.launcher.process.Waits;

/**
 * The development OIDC provider: {@code no.nav.security:mock-oauth2-server} run
 * standalone with an interactive login form. Every path segment is an issuer, e.g.
 * {@code http://127.0.0.1:8090/default}.
 */
public final class OidcProvider implements Component {

	@Override
	public String name() {
		return COMPONENT;
	}

	public static final String COMPONENT = "oidc";

	/**
	 * Interactive login (a form asking for the user name and claims) on the Netty server.
	 */
	public static final String DEFAULT_CONFIG = "{\"interactiveLogin\":true,\"httpServer\":\"NettyWrapper\"}";

	private static final String MAIN_CLASS = "no.nav.security.mock.oauth2.StandaloneMockOAuth2ServerKt";

	private final int port;

	private final Path classpath;

	private final Path home;

	private final Path logFile;

	private final String jsonConfig;

	private final boolean detached;

	private volatile ManagedProcess process;

	/**
	 * @param port its HTTP port
	 * @param classpath folder holding its jars
	 * @param home its working directory
	 * @param logFile where its output is appended
	 * @param jsonConfig its configuration (mock-oauth2-server's JSON_CONFIG)
	 * @param detached whether the process gets a session of its own
	 */
	public OidcProvider(int port, Path classpath, Path home, Path logFile, String jsonConfig, boolean detached) {
		if (port <= 0) {
			throw new IllegalArgumentException("port must be positive");
		}
		if (classpath == null || home == null || logFile == null) {
			throw new IllegalArgumentException("classpath, home and logFile cannot be null");
		}
		this.port = port;
		this.classpath = classpath;
		this.home = home;
		this.logFile = logFile;
		this.jsonConfig = (jsonConfig == null || jsonConfig.isBlank()) ? DEFAULT_CONFIG : jsonConfig;
		this.detached = detached;
	}

	/** Base URL; issuers are below it ({@code <url>/default}). */
	public String url() {
		return "http://127.0.0.1:" + this.port;
	}

	@Override
	public ManagedProcess process() {
		return this.process;
	}

	@Override
	public ManagedProcess start(Duration timeout) {
		if (this.process != null && this.process.alive()) {
			return this.process;
		}
		if (Waits.listening(this.port)) {
			throw new IllegalStateException("Cannot start the OIDC provider: port " + this.port + " is already in use");
		}
		var command = JavaCommand.withHeap("256m").mainClass(this.classpath, MAIN_CLASS).toList();
		Map<String, String> environment = Map.of("SERVER_HOSTNAME", "127.0.0.1", "SERVER_PORT",
				Integer.toString(this.port), "JSON_CONFIG", this.jsonConfig);
		this.process = ManagedProcess.start(COMPONENT, command, environment, this.home, this.logFile, this.port,
				this.detached);
		Waits.until("the OIDC provider at " + url() + " to answer", timeout, this.process,
				() -> answers(url() + "/default/.well-known/openid-configuration"));
		return this.process;
	}

	@Override
	public void stop() {
		if (this.process != null) {
			this.process.stop(Duration.ofSeconds(10));
			this.process = null;
		}
	}

	public static boolean answers(String url) {
		try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
			HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
			return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
