package dev.lanyard.e2e.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.lanyard.launcher.process.JavaCommand;
import dev.lanyard.launcher.service.ServiceProcess;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;

/**
 * The floor under auth-gateway's cost per proxied request: the leanest proxy Reactor
 * Netty allows (its HTTP server handing each request, headers and body as they are, to a
 * pooled Reactor Netty client, and the answer back), in a JVM of its own started with the
 * settings the launcher gives a service. No WebFlux, no filters, no routing, no
 * correlation id, no cookie stripping: what is left of the gateway's CPU per request when
 * everything it does beyond moving bytes is free. The load generator calls it like the
 * gateway; its CPU per request is read from the operating system.
 */
final class ProxyCeiling implements AutoCloseable {

	private static final String PORT = "proxy-ceiling port ";

	private final Process process;

	private final int port;

	private ProxyCeiling(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/** Starts the proxy in front of {@code upstream} and returns once it listens. */
	static ProxyCeiling start(String upstream) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(JavaCommand.javaExecutable().toString());
		// as the launcher starts auth-gateway (ServiceProcess)
		command.addAll(List.of("-Xmx384m", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
				"-Djava.security.egd=" + ServiceProcess.SEED_SOURCE));
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), ProxyCeiling.class.getName(), upstream));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		for (String line = out.readLine(); line != null; line = out.readLine()) {
			if (line.startsWith(PORT)) {
				// keep draining its output so it never blocks on a full pipe
				Thread.ofVirtual().start(() -> out.lines().forEach((ignored) -> {
				}));
				return new ProxyCeiling(process, Integer.parseInt(line.substring(PORT.length()).strip()));
			}
		}
		throw new IllegalStateException("the proxy ceiling's JVM ended before listening");
	}

	String url() {
		return "http://127.0.0.1:" + this.port;
	}

	/** CPU the proxy's JVM has used so far, in nanoseconds. */
	long cpuNanos() {
		return this.process.toHandle().info().totalCpuDuration().orElseThrow().toNanos();
	}

	@Override
	public void close() throws Exception {
		this.process.destroy();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

	/** In the child JVM: proxy every request to {@code args[0]} until killed. */
	public static void main(String[] args) {
		HttpClient upstream = HttpClient
			.create(ConnectionProvider.builder("proxy-ceiling").maxConnections(256).pendingAcquireMaxCount(-1).build())
			.baseUrl(args[0]);
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.handle((request, response) -> upstream
				.headers((headers) -> headers.set(request.requestHeaders()).remove(HttpHeaderNames.HOST))
				.request(request.method())
				.uri(request.uri())
				.send(request.receive().retain())
				.response((answer,
						body) -> response.status(answer.status()).headers(answer.responseHeaders()).send(body.retain()))
				.then())
			.bindNow();
		System.out.println(PORT + server.port());
		server.onDispose().block();
	}

}
