package dev.lanyard.gateway.signin.adapter.tokenbroker;

import java.time.Duration;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import dev.lanyard.gateway.signin.domain.KnownUser;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Asks token-broker for a user session token: the gateway authenticates as its own client
 * and names the user; token-broker checks the user, signs the token and records its
 * issuance before answering.
 */
public final class UserSessionTokens {

	public static final String GRANT_TYPE = "urn:lanyard:params:oauth:grant-type:user-session";

	private final WebClient tokenBroker;

	private final Duration timeout;

	public UserSessionTokens(WebClient tokenBroker, Duration timeout) {
		if (tokenBroker == null) {
			throw new IllegalArgumentException("tokenBroker cannot be null");
		}
		if (timeout == null || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("timeout must be positive");
		}
		this.tokenBroker = tokenBroker;
		this.timeout = timeout;
	}

	/** token-broker's answer, status and JSON body, passed on as they are. */
	public record Answer(HttpStatusCode status, JsonNode body) {
	}

	public Mono<Answer> issue(KnownUser user, String correlationId) {
		return this.tokenBroker.post()
			.uri("/oauth2/token")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.header("X-Correlation-Id", correlationId)
			.body(BodyInserters.fromFormData("grant_type", GRANT_TYPE)
				.with("user_id", user.userId())
				.with("user_version", Long.toString(user.version())))
			.exchangeToMono((response) -> response.bodyToMono(JsonNode.class)
				.map((body) -> new Answer(response.statusCode(), body)))
			.timeout(this.timeout);
	}

}
