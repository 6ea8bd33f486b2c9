package dev.lanyard.gateway.signin.adapter.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import dev.lanyard.gateway.signin.adapter.tokenbroker.UserSessionTokens;
import dev.lanyard.gateway.signin.application.UserDirectory;
import dev.lanyard.gateway.signin.domain.KnownUser;
import dev.lanyard.gateway.web.CorrelationIdFilter;
import dev.lanyard.gateway.web.ExchangeBodies;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebSession;

/**
 * Lets a browser reach token-broker's connection endpoints ({@code /api/connections/**},
 * the viewer "connect" flow) and audit's query API ({@code /api/audit/**}, the auditors'
 * page) with its session: the session's token of that API's kind ({@link RelayedApi}:
 * content never holds one and no other API takes it) goes with the request as a bearer
 * token, since cookies never leave the gateway. The token is minted on first need and
 * kept in the server-side session until shortly before it expires. A signed-in person who
 * is not an auditor gets a 403 problem from {@code /api/audit/**} here (token-broker
 * would refuse the token too). A request that brings its own Authorization header is
 * passed on untouched.
 */
public final class SessionBearerRelay implements WebFilter, Ordered {

	private static final Logger log = LoggerFactory.getLogger(SessionBearerRelay.class);

	private static final String AUDITOR = "auditor";

	private static final Duration MARGIN = Duration.ofMinutes(1);

	private final UserDirectory directory;

	private final UserSessionTokens tokens;

	private final Clock clock;

	public SessionBearerRelay(UserDirectory directory, UserSessionTokens tokens, Clock clock) {
		if (directory == null) {
			throw new IllegalArgumentException("directory cannot be null");
		}
		if (tokens == null) {
			throw new IllegalArgumentException("tokens cannot be null");
		}
		if (clock == null) {
			throw new IllegalArgumentException("clock cannot be null");
		}
		this.directory = directory;
		this.tokens = tokens;
		this.clock = clock;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		Optional<RelayedApi> api = RelayedApi.of(exchange.getRequest().getPath().value());
		if (api.isEmpty() || exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
			return chain.filter(exchange);
		}
		return exchange.getSession().flatMap((session) -> {
			Optional<KnownUser> user = this.directory.find(session.getAttribute(SessionAttributes.USER_ID));
			if (user.isEmpty() || !user.get().mayUseLanyard()) {
				return chain.filter(exchange);
			}
			if (api.get() == RelayedApi.AUDIT && !AUDITOR.equals(user.get().role())) {
				return ExchangeBodies.problem(exchange, HttpStatus.FORBIDDEN,
						"Reading the audit trail requires the auditor role.");
			}
			return bearer(api.get(), user.get(), session, CorrelationIdFilter.of(exchange))
				.map((token) -> exchange.mutate()
					.request((request) -> request.headers((headers) -> headers.setBearerAuth(token)))
					.build())
				.defaultIfEmpty(exchange)
				.flatMap(chain::filter);
		});
	}

	private Mono<String> bearer(RelayedApi api, KnownUser user, WebSession session, String correlationId) {
		String held = session.getAttribute(api.tokenAttribute());
		Instant expires = session.getAttribute(api.expiresAttribute());
		if (held != null && expires != null && this.clock.instant().plus(MARGIN).isBefore(expires)) {
			return Mono.just(held);
		}
		return this.tokens.issueForRelay(api.kind(), user, SessionAttributes.signedIn(session), correlationId)
			.flatMap((answer) -> {
				if (!answer.status().is2xxSuccessful() || !answer.body().hasNonNull("access_token")) {
					log.warn("No {} token to relay for user {}: token-broker answered {}", api.kind(), user.userId(),
							answer.status().value());
					return Mono.empty();
				}
				String token = answer.body().get("access_token").asString();
				long seconds = answer.body().path("expires_in").asLong(0);
				session.getAttributes().put(api.tokenAttribute(), token);
				session.getAttributes().put(api.expiresAttribute(), this.clock.instant().plusSeconds(seconds));
				return Mono.just(token);
			})
			.onErrorResume((ex) -> {
				log.warn("No {} token to relay for user {}: {}", api.kind(), user.userId(), ex.toString());
				return Mono.empty();
			});
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 100;
	}

}
