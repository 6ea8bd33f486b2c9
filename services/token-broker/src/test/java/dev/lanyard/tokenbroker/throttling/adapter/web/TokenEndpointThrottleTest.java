package dev.lanyard.tokenbroker.throttling.adapter.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.lanyard.testing.time.MutableClock;
import dev.lanyard.tokenbroker.federation.adapter.oauth.FederationGrants;
import dev.lanyard.tokenbroker.throttling.application.FailedAuthentications;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TokenEndpointThrottleTest {

	private static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T10:00:00Z"));

	private final TokenEndpointThrottle throttle = new TokenEndpointThrottle(
			new FailedAuthentications(2, Duration.ofMinutes(1), 100, this.clock),
			new FailedAuthentications(100, Duration.ofMinutes(1), 100, this.clock),
			new FailedAuthentications(3, Duration.ofMinutes(1), 100, this.clock), FederationGrants::isFederation,
			List.of("10.0.0.2"));

	/**
	 * Every endpoint that authenticates clients with their secrets is a place to guess
	 * them, not only the token endpoint.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "/oauth2/token", "/oauth2/introspect", "/oauth2/revoke" })
	void doFilterWhenSecretGuessedTooOftenThenTooManyRequests(String path) throws Exception {
		assertThat(attempt(path).getStatus()).isEqualTo(401);
		assertThat(attempt(path).getStatus()).isEqualTo(401);
		assertThat(attempt(path).getStatus()).isEqualTo(429);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/oauth2/jwks", "/api/admin/clients" })
	void doFilterWhenNoClientAuthenticationThereThenNeverThrottled(String path) throws Exception {
		for (int i = 0; i < 3; i++) {
			assertThat(attempt(path).getStatus()).isEqualTo(401);
		}
	}

	/**
	 * Federation needs no client authentication, and a refused assertion is a 400: no
	 * secret is guessed, yet the caller may try assertions without end (each one a
	 * CredentialDenied record) unless its refusals are counted too.
	 */
	@Test
	void doFilterWhenFederationRefusedTooOftenThenTooManyRequestsInOAuthTerms() throws Exception {
		for (int i = 0; i < 3; i++) {
			assertThat(federation("192.0.2.1", null, 400).getStatus()).isEqualTo(400);
		}
		MockHttpServletResponse throttled = federation("192.0.2.1", null, 200);
		assertThat(throttled.getStatus()).isEqualTo(429);
		assertThat(throttled.getHeader("Retry-After")).isEqualTo("60");
		assertThat(throttled.getHeader("Cache-Control")).isEqualTo("no-store");
		assertThat(throttled.getContentType()).startsWith("application/json");
		assertThat(throttled.getContentAsString()).contains("\"error\":\"temporarily_unavailable\"")
			.contains("federation");
	}

	@Test
	void doFilterWhenFederationRefusedTooOftenThenOtherAddressesAndOtherGrantsStillServed() throws Exception {
		for (int i = 0; i < 3; i++) {
			federation("192.0.2.1", null, 400);
		}
		assertThat(federation("192.0.2.9", null, 200).getStatus()).isEqualTo(200);
		MockHttpServletRequest clientCredentials = request("/oauth2/token", "192.0.2.1", null);
		clientCredentials.addParameter("grant_type", "client_credentials");
		assertThat(run(clientCredentials, 200).getStatus()).as("only federation attempts are budgeted here")
			.isEqualTo(200);
	}

	@Test
	void doFilterWhenFederationRelayedByTrustedGatewayThenCountedPerCaller() throws Exception {
		for (int i = 0; i < 3; i++) {
			federation("10.0.0.2", "203.0.113.7", 400);
		}
		assertThat(federation("10.0.0.2", "203.0.113.7", 200).getStatus()).isEqualTo(429);
		assertThat(federation("10.0.0.2", "198.51.100.9", 200).getStatus()).isEqualTo(200);
	}

	@Test
	void doFilterWhenFederationWindowOverThenServedAgain() throws Exception {
		for (int i = 0; i < 3; i++) {
			federation("192.0.2.1", null, 400);
		}
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(federation("192.0.2.1", null, 200).getStatus()).isEqualTo(200);
	}

	/**
	 * Only the caller's failures count: an issuer whose keys are down (503), or granted
	 * requests, must not lock out a busy CI runner.
	 */
	@Test
	void doFilterWhenFederationSucceedsOrIsUnavailableThenNotCounted() throws Exception {
		for (int i = 0; i < 5; i++) {
			assertThat(federation("192.0.2.1", null, 200).getStatus()).isEqualTo(200);
			assertThat(federation("192.0.2.1", null, 503).getStatus()).isEqualTo(503);
		}
	}

	@Test
	void constructorWhenFederationBudgetNullThenRefused() {
		FailedAuthentications budget = new FailedAuthentications(1, Duration.ofMinutes(1), 1, this.clock);
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> new TokenEndpointThrottle(budget, budget, null, FederationGrants::isFederation, List.of()))
			.withMessage("federationPerAddress cannot be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TokenEndpointThrottle(budget, budget, budget, null, List.of()))
			.withMessage("isFederation cannot be null");
	}

	private MockHttpServletResponse federation(String socket, String relayed, int status) throws Exception {
		MockHttpServletRequest request = request("/oauth2/token", socket, relayed);
		request.addParameter("grant_type", JWT_BEARER);
		request.addParameter("assertion", "eyJ.presented.token");
		return run(request, status);
	}

	private MockHttpServletResponse attempt(String path) throws Exception {
		MockHttpServletRequest request = request(path, "127.0.0.1", null);
		request.addHeader("Authorization",
				"Basic " + Base64.getEncoder().encodeToString("c-1:guess".getBytes(StandardCharsets.UTF_8)));
		return run(request, 401);
	}

	private static MockHttpServletRequest request(String path, String socket, String relayed) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
		request.setRequestURI(path);
		request.setRemoteAddr(socket);
		if (relayed != null) {
			request.addHeader(TokenEndpointThrottle.CLIENT_ADDRESS, relayed);
		}
		return request;
	}

	private MockHttpServletResponse run(MockHttpServletRequest request, int status) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.throttle.doFilter(request, response, new MockFilterChain() {
			@Override
			public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
				((HttpServletResponse) res).setStatus(status);
			}
		});
		return response;
	}

}
