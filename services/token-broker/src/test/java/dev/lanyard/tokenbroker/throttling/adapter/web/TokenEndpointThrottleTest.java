package dev.lanyard.tokenbroker.throttling.adapter.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.lanyard.testing.time.MutableClock;
import dev.lanyard.tokenbroker.throttling.application.FailedAuthentications;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class TokenEndpointThrottleTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T10:00:00Z"));

	private final TokenEndpointThrottle throttle = new TokenEndpointThrottle(
			new FailedAuthentications(2, Duration.ofMinutes(1), 100, this.clock),
			new FailedAuthentications(100, Duration.ofMinutes(1), 100, this.clock), List.of());

	/**
	 * Every endpoint that authenticates clients with their secrets is a place to guess
	 * them, not only the token endpoint.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "/oauth2/token", "/oauth2/introspect", "/oauth2/revoke" })
	void doFilterWhenSecretGuessedTooOftenThenTooManyRequests(String path) throws Exception {
		assertThat(attempt(path)).isEqualTo(401);
		assertThat(attempt(path)).isEqualTo(401);
		assertThat(attempt(path)).isEqualTo(429);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/oauth2/jwks", "/api/admin/clients" })
	void doFilterWhenNoClientAuthenticationThereThenNeverThrottled(String path) throws Exception {
		for (int i = 0; i < 3; i++) {
			assertThat(attempt(path)).isEqualTo(401);
		}
	}

	private int attempt(String path) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
		request.setRequestURI(path);
		request.addHeader("Authorization",
				"Basic " + Base64.getEncoder().encodeToString("c-1:guess".getBytes(StandardCharsets.UTF_8)));
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.throttle.doFilter(request, response, new MockFilterChain() {
			@Override
			public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
				((HttpServletResponse) res).setStatus(401);
			}
		});
		return response.getStatus();
	}

}
