package dev.lanyard.platform.outbound.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.lanyard.platform.outbound.AddressPolicy;
import dev.lanyard.platform.outbound.HostResolver;
import dev.lanyard.platform.outbound.RefusedAddressException;
import dev.lanyard.platform.outbound.VettedResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Everything here listens and connects on 127.0.0.1 only. */
class OutboundHttpTest {

	private HttpServer server;

	private final AtomicInteger requests = new AtomicInteger();

	private final AtomicReference<String> hostHeader = new AtomicReference<>();

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", (exchange) -> {
			this.requests.incrementAndGet();
			this.hostHeader.set(exchange.getRequestHeaders().getFirst("Host"));
			byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	/**
	 * DNS rebinding: the check sees a public address, the next lookup answers loopback.
	 * The call resolves once, vets that answer and never reaches loopback.
	 */
	@Test
	void getWhenNameRebindsToLoopbackAfterTheCheckThenRefusedAndNothingReached() throws IOException {
		AtomicInteger lookups = new AtomicInteger();
		HostResolver rebinding = (host) -> List
			.of(InetAddress.ofLiteral((lookups.getAndIncrement() == 0) ? "93.184.216.34" : "127.0.0.1"));
		VettedResolver addresses = new VettedResolver(new AddressPolicy(false), rebinding);
		assertThat(addresses.resolve("rebind.example")).containsExactly(InetAddress.ofLiteral("93.184.216.34"));

		try (OutboundHttp http = OutboundHttp.create(addresses, Duration.ofSeconds(2))) {
			assertThatExceptionOfType(RefusedAddressException.class)
				.isThrownBy(() -> http.get(URI.create("http://rebind.example:" + port() + "/token"), Map.of()));
		}
		assertThat(lookups).hasValue(2);
		assertThat(this.requests).hasValue(0);
	}

	@Test
	void getWhenNameAnswersPublicAndLoopbackAtOnceThenRefusedAndNothingReached() {
		HostResolver both = (host) -> List.of(InetAddress.ofLiteral("93.184.216.34"),
				InetAddress.ofLiteral("127.0.0.1"));
		try (OutboundHttp http = http(false, both)) {
			assertThatExceptionOfType(RefusedAddressException.class)
				.isThrownBy(() -> http.get(URI.create("http://both.example:" + port() + "/"), Map.of()));
		}
		assertThat(this.requests).hasValue(0);
	}

	@Test
	void getWhenLoopbackLiteralAndPrivateNotAllowedThenRefusedAndNothingReached() {
		try (OutboundHttp http = http(false, HostResolver.system())) {
			assertThatExceptionOfType(RefusedAddressException.class)
				.isThrownBy(() -> http.get(URI.create("http://127.0.0.1:" + port() + "/"), Map.of()));
		}
		assertThat(this.requests).hasValue(0);
	}

	/** 0.0.0.0 reaches loopback listeners on Linux; refused even in development. */
	@Test
	void getWhenUnspecifiedAddressAndPrivateAllowedThenRefusedAndNothingReached() {
		try (OutboundHttp http = http(true, HostResolver.system())) {
			assertThatExceptionOfType(RefusedAddressException.class)
				.isThrownBy(() -> http.get(URI.create("http://0.0.0.0:" + port() + "/"), Map.of()));
		}
		assertThat(this.requests).hasValue(0);
	}

	/** The connection goes to the vetted address; the request still names the host. */
	@Test
	void postFormWhenPrivateAllowedThenConnectsToTheResolvedAddressWithTheOriginalHost() throws IOException {
		HostResolver table = (host) -> List.of(InetAddress.ofLiteral("127.0.0.1"));
		try (OutboundHttp http = http(true, table)) {
			OutboundHttp.Response response = http.postForm(URI.create("http://idp.test:" + port() + "/token"),
					Map.of("Accept", "application/json"), "grant_type=client_credentials");
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.body()).isEqualTo("{\"ok\":true}");
		}
		assertThat(this.requests).hasValue(1);
		assertThat(this.hostHeader).hasValue("idp.test:" + port());
	}

	/**
	 * https to a pinned address still announces the URL's host (SNI) for verification.
	 */
	@Test
	void getWhenHttpsThenTlsNamesTheOriginalHost() throws Exception {
		try (ServerSocket tls = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			CompletableFuture<String> clientHello = CompletableFuture.supplyAsync(() -> firstBytes(tls));
			HostResolver table = (host) -> List.of(InetAddress.ofLiteral("127.0.0.1"));
			try (OutboundHttp http = http(true, table)) {
				assertThatExceptionOfType(IOException.class).isThrownBy(
						() -> http.get(URI.create("https://idp.pinned.test:" + tls.getLocalPort() + "/"), Map.of()));
			}
			assertThat(clientHello.get(5, TimeUnit.SECONDS)).contains("idp.pinned.test");
		}
	}

	@Test
	void createWhenTimeoutNotPositiveThenThrows() {
		VettedResolver addresses = new VettedResolver(new AddressPolicy(false), HostResolver.system());
		assertThatIllegalArgumentException().isThrownBy(() -> OutboundHttp.create(addresses, Duration.ZERO))
			.withMessage("timeout must be positive");
	}

	@Test
	void createWhenAddressesNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> OutboundHttp.create(null, Duration.ofSeconds(1)))
			.withMessage("addresses cannot be null");
	}

	private OutboundHttp http(boolean allowPrivate, HostResolver resolver) {
		return OutboundHttp.create(new VettedResolver(new AddressPolicy(allowPrivate), resolver),
				Duration.ofSeconds(2));
	}

	private int port() {
		return this.server.getAddress().getPort();
	}

	private static String firstBytes(ServerSocket listener) {
		try (Socket socket = listener.accept(); InputStream in = socket.getInputStream()) {
			byte[] buffer = new byte[4096];
			int read = in.read(buffer);
			return new String(buffer, 0, Math.max(read, 0), StandardCharsets.ISO_8859_1);
		}
		catch (IOException ex) {
			return "";
		}
	}

}
