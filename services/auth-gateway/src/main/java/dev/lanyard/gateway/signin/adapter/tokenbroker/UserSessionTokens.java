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
 * Asks token-broker for a signed-in user's tokens: the gateway authenticates as its own
 * client and names the user; token-broker checks the user, signs the token and records
 * its issuance before answering. A user session token is minted for the one content item
 * that will hold it; the connections and audit tokens are the gateway's own, for its
 * relays to the connections API and to audit's query API, and never leave the gateway.
 */
public final class UserSessionTokens {

	public static final String GRANT_TYPE = "urn:lanyard:params:oauth:grant-type:user-session";

	/** The gateway's own kinds of token, each for one relayed API. */
	public enum Kind {

		/** For token-broker's connections API. */
		CONNECTIONS("urn:lanyard:params:oauth:token-type:user-connections"),

		/** For audit's query API (token-broker mints it for auditors only). */
		AUDIT("urn:lanyard:params:oauth:token-type:user-audit");

		private final String requestedTokenType;

		Kind(String requestedTokenType) {
			this.requestedTokenType = requestedTokenType;
		}

		/** The {@code requested_token_type} token-broker knows it by. */
		public String requestedTokenType() {
			return this.requestedTokenType;
		}

	}

	private final WebClient tokenBroker;

	private final GatewayClientCredentials credentials;

	private final Duration timeout;

	public UserSessionTokens(WebClient tokenBroker, GatewayClientCredentials credentials, Duration timeout) {
		if (tokenBroker == null) {
			throw new IllegalArgumentException("tokenBroker cannot be null");
		}
		if (credentials == null) {
			throw new IllegalArgumentException("credentials cannot be null");
		}
		this.credentials = credentials;
		if (timeout == null || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("timeout must be positive");
		}
		this.tokenBroker = tokenBroker;
		this.timeout = timeout;
	}

	/** token-broker's answer, status and JSON body, passed on as they are. */
	public record Answer(HttpStatusCode status, JsonNode body) {
	}

	/**
	 * A user session token for the content item {@code contentId}: token-broker's answer;
	 * errors with {@link NotConfiguredException} when the gateway has no client secret
	 * (yet).
	 */
	public Mono<Answer> issue(KnownUser user, SignedInSession session, String contentId, String correlationId) {
		if (contentId == null || contentId.isBlank()) {
			throw new IllegalArgumentException("contentId cannot be blank");
		}
		return request(user, session, correlationId, "content_id", contentId);
	}

	/** The gateway's own token of this kind, for its relay, as {@link #issue}. */
	public Mono<Answer> issueForRelay(Kind kind, KnownUser user, SignedInSession session, String correlationId) {
		if (kind == null) {
			throw new IllegalArgumentException("kind cannot be null");
		}
		return request(user, session, correlationId, "requested_token_type", kind.requestedTokenType());
	}

	/**
	 * The browser session a token is minted in: its id (the token's {@code sid}) and the
	 * event id of the sign-in that began it.
	 */
	public record SignedInSession(String sessionId, String loginEventId) {
	}

	/**
	 * The browser session goes along as {@code session_id}: the token names it, and ends
	 * when the person signs out of it.
	 */
	private Mono<Answer> request(KnownUser user, SignedInSession session, String correlationId, String parameter,
			String value) {
		if (session == null || session.sessionId() == null || session.loginEventId() == null) {
			return Mono.error(new IllegalStateException("The browser session has no id or sign-in"));
		}
		var authorization = this.credentials.basicAuthorization();
		if (authorization.isEmpty()) {
			return Mono.error(new NotConfiguredException());
		}
		return this.tokenBroker.post()
			.uri("/oauth2/token")
			.header("Authorization", authorization.get())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.header("X-Correlation-Id", correlationId)
			.body(BodyInserters.fromFormData("grant_type", GRANT_TYPE)
				.with("user_id", user.userId())
				.with("user_version", Long.toString(user.version()))
				.with("session_id", session.sessionId())
				.with("login_event_id", session.loginEventId())
				.with(parameter, value))
			.exchangeToMono((response) -> response.bodyToMono(JsonNode.class)
				.map((body) -> new Answer(response.statusCode(), body)))
			.timeout(this.timeout);
	}

	/** The gateway has no usable client at token-broker. */
	public static final class NotConfiguredException extends RuntimeException {

		NotConfiguredException() {
			super("The gateway's token-broker client is not configured or its secret file is not there yet");
		}

	}

}
