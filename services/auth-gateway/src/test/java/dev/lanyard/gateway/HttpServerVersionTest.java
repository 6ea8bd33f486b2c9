package dev.lanyard.gateway;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's HTTP server must be a reactor-netty that keeps reading a keep-alive
 * connection after a request it buffered (reactor/reactor-netty#4361, fixed in 1.3.8):
 * 1.3.6 left about one sign-in in 300 waiting until the browser gave up. A dependency
 * update that brings an older one back fails here.
 */
class HttpServerVersionTest {

	private static final int[] FIXED_IN = { 1, 3, 8 };

	@Test
	void httpServerWhenOnTheClasspathThenHasTheKeepAliveFix() {
		String http = HttpServer.class.getPackage().getImplementationVersion();
		String core = DisposableServer.class.getPackage().getImplementationVersion();

		assertThat(http).as("reactor-netty-http version").isNotNull();
		assertThat(core).as("reactor-netty-core version").isEqualTo(http);
		assertThat(Arrays.compare(numbers(http), FIXED_IN)).as("reactor-netty %s is at least 1.3.8", http)
			.isGreaterThanOrEqualTo(0);
	}

	private static int[] numbers(String version) {
		return Arrays.stream(version.split("[.-]")).limit(3).mapToInt(Integer::parseInt).toArray();
	}

}
