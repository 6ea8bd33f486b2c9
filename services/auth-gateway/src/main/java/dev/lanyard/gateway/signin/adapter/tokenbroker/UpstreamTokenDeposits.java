package dev.lanyard.gateway.signin.adapter.tokenbroker;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Hands the provider's access token of a sign-in to token-broker
 * ({@code POST /internal/upstream-tokens}, HTTP Basic with the gateway's client), which
 * keeps it sealed for that browser session only, until it expires or the session ends. A
 * failed deposit never fails the sign-in: delegated integrations then answer "sign in
 * again". The token is never logged.
 */
public final class UpstreamTokenDeposits {

	private static final Logger log = LoggerFactory.getLogger(UpstreamTokenDeposits.class);

	private final WebClient tokenBroker;

	private final GatewayClientCredentials credentials;

	private final Duration timeout;

	public UpstreamTokenDeposits(WebClient tokenBroker, GatewayClientCredentials credentials, Duration timeout) {
		if (tokenBroker == null) {
			throw new IllegalArgumentException("tokenBroker cannot be null");
		}
		if (credentials == null) {
			throw new IllegalArgumentException("credentials cannot be null");
		}
		if (timeout == null || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("timeout must be positive");
		}
		this.tokenBroker = tokenBroker;
		this.credentials = credentials;
		this.timeout = timeout;
	}

	/**
	 * Deposits the token; completes empty whatever happened (logged by ids).
	 * @param sessionId the browser session
	 * @param loginEventId the event id of its UserLoggedIn
	 * @param userId the user signed in
	 * @param accessToken the provider's access token
	 * @param expiresAt its expiry
	 */
	public Mono<Void> deposit(String sessionId, String loginEventId, String userId, String accessToken,
			Instant expiresAt, String correlationId) {
		var authorization = this.credentials.basicAuthorization();
		if (authorization.isEmpty() || accessToken == null || expiresAt == null) {
			log.warn("Upstream token of user {} (session {}) not deposited: {}", userId, sessionId,
					authorization.isEmpty() ? "no token-broker client configured" : "no token or expiry");
			return Mono.empty();
		}
		return this.tokenBroker.post()
			.uri("/internal/upstream-tokens")
			.header("Authorization", authorization.get())
			.header("X-Correlation-Id", (correlationId != null) ? correlationId : "")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("sessionId", sessionId, "loginEventId", loginEventId, "userId", userId, "accessToken",
					accessToken, "expiresAt", expiresAt.toString()))
			.exchangeToMono((response) -> response.releaseBody().then(Mono.fromRunnable(() -> {
				if (response.statusCode().is2xxSuccessful()) {
					log.info("Deposited the upstream token of user {} (session {})", userId, sessionId);
				}
				else {
					log.warn("token-broker refused the upstream token of user {} (session {}): HTTP {}", userId,
							sessionId, response.statusCode().value());
				}
			})))
			.timeout(this.timeout)
			.onErrorResume((ex) -> {
				log.warn("Upstream token of user {} (session {}) not deposited: {}", userId, sessionId,
						ex.getClass().getSimpleName());
				return Mono.empty();
			})
			.then();
	}

}
