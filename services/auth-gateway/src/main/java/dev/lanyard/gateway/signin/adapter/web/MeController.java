package dev.lanyard.gateway.signin.adapter.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import dev.lanyard.gateway.signin.adapter.tokenbroker.UserSessionTokens;
import dev.lanyard.gateway.signin.application.UserDirectory;
import dev.lanyard.gateway.signin.domain.KnownUser;
import dev.lanyard.gateway.web.CorrelationIdFilter;
import dev.lanyard.gateway.web.ExchangeBodies;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;

/**
 * The signed-in person: who they are ({@code GET /api/me}) and a user session token to
 * hand to one content item ({@code POST /api/me/session-token?content=<client id>}: only
 * that content can exchange it). A session whose user was locked or deactivated since is
 * ended here.
 */
@RestController
public final class MeController {

	private static final Logger log = LoggerFactory.getLogger(MeController.class);

	private final UserDirectory directory;

	private final UserSessionTokens tokens;

	public MeController(UserDirectory directory, UserSessionTokens tokens) {
		if (directory == null) {
			throw new IllegalArgumentException("directory cannot be null");
		}
		if (tokens == null) {
			throw new IllegalArgumentException("tokens cannot be null");
		}
		this.directory = directory;
		this.tokens = tokens;
	}

	@GetMapping(path = "/api/me", produces = MediaType.APPLICATION_JSON_VALUE)
	public Mono<Void> me(ServerWebExchange exchange) {
		return signedIn(exchange, (user) -> {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("id", user.userId());
			body.put("username", user.username());
			body.put("firstName", user.firstName());
			body.put("lastName", user.lastName());
			body.put("email", user.email());
			body.put("role", user.role());
			List<Map<String, String>> groups = user.groupIds()
				.stream()
				.map((id) -> Map.of("id", id, "name", this.directory.groupName(id)))
				.toList();
			body.put("groups", groups);
			return ExchangeBodies.json(exchange, HttpStatus.OK, body);
		});
	}

	@PostMapping(path = "/api/me/session-token", produces = MediaType.APPLICATION_JSON_VALUE)
	public Mono<Void> sessionToken(ServerWebExchange exchange) {
		String correlationId = CorrelationIdFilter.of(exchange);
		List<String> content = exchange.getRequest().getQueryParams().getOrDefault("content", List.of());
		return signedIn(exchange, (user) -> (content.size() != 1 || content.getFirst().isBlank())
				? ExchangeBodies.problem(exchange, HttpStatus.BAD_REQUEST,
						"Name the one content item the token is for: POST /api/me/session-token?content=<client id>.")
				: issue(exchange, user, content.getFirst(), correlationId));
	}

	private Mono<Void> issue(ServerWebExchange exchange, KnownUser user, String contentId, String correlationId) {
		return exchange.getSession()
			.flatMap(
					(session) -> this.tokens.issue(user, SessionAttributes.signedIn(session), contentId, correlationId))
			.flatMap((answer) -> {
				if (answer.status().is2xxSuccessful()) {
					exchange.getResponse().getHeaders().setCacheControl("no-store");
					return ExchangeBodies.json(exchange, HttpStatus.OK, answer.body());
				}
				String error = text(answer.body(), "error");
				log.warn("token-broker refused a user session token for user {}: {} {}", user.userId(),
						answer.status().value(), error);
				if (answer.status().value() == 503) {
					return ExchangeBodies.problem(exchange, HttpStatus.SERVICE_UNAVAILABLE,
							"No token can be issued right now because its issuance cannot be recorded; try again shortly.");
				}
				if ("invalid_request".equals(error)) {
					return ExchangeBodies.problem(exchange, HttpStatus.BAD_REQUEST,
							Optional.ofNullable(text(answer.body(), "error_description"))
								.orElse("The request for a session token was refused."));
				}
				if ("invalid_grant".equals(error)) {
					return ExchangeBodies.problem(exchange, HttpStatus.FORBIDDEN,
							Optional.ofNullable(text(answer.body(), "error_description"))
								.orElse("You may not have a session token."));
				}
				return ExchangeBodies.problem(exchange, HttpStatus.BAD_GATEWAY,
						"token-broker did not issue a session token; quote the correlation id when reporting it.");
			})
			.onErrorResume(UserSessionTokens.NotConfiguredException.class, (ex) -> {
				log.warn("No user session token for user {}: {}", user.userId(), ex.getMessage());
				return ExchangeBodies.problem(exchange, HttpStatus.SERVICE_UNAVAILABLE,
						"User session tokens are not available: the gateway has no token-broker client yet.");
			})
			.onErrorResume((ex) -> !(ex instanceof IllegalArgumentException), (ex) -> {
				log.warn("token-broker unreachable for a user session token (user {}): {}", user.userId(),
						ex.toString());
				return ExchangeBodies.problem(exchange, HttpStatus.SERVICE_UNAVAILABLE,
						"token-broker could not be reached; try again shortly.");
			});
	}

	private Mono<Void> signedIn(ServerWebExchange exchange, java.util.function.Function<KnownUser, Mono<Void>> then) {
		return exchange.getSession().flatMap((session) -> {
			String userId = session.getAttribute(SessionAttributes.USER_ID);
			Optional<KnownUser> user = this.directory.find(userId);
			if (userId == null) {
				return ExchangeBodies.problem(exchange, HttpStatus.UNAUTHORIZED,
						"Sign in first: GET /login/{provider}.");
			}
			if (user.isEmpty()) {
				// a signed-in session whose user this gateway has not read yet (it just
				// started and is reading the users' events): not a reason to sign in
				// again
				exchange.getResponse().getHeaders().set("Retry-After", "1");
				return ExchangeBodies.problem(exchange, HttpStatus.SERVICE_UNAVAILABLE,
						"Your user record is still loading; retry in a moment.");
			}
			if (!user.get().mayUseLanyard()) {
				log.info("Ended the session of user {}: {}", userId, user.get().locked() ? "locked" : "deactivated");
				return end(session).then(ExchangeBodies.problem(exchange, HttpStatus.FORBIDDEN, "Your account is "
						+ (user.get().locked() ? "locked" : "deactivated") + "; ask an administrator."));
			}
			return then.apply(user.get());
		});
	}

	private static Mono<Void> end(WebSession session) {
		return session.invalidate();
	}

	private static String text(JsonNode body, String field) {
		return (body != null && body.hasNonNull(field)) ? body.get(field).asString() : null;
	}

}
