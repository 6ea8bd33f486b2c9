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

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;

/**
 * Lets a browser reach token-broker's connection endpoints ({@code /api/connections/**},
 * the viewer "connect" flow) with its session: the session's connections token (a kind of
 * its own, which content never holds and no other API takes) goes with the request as a
 * bearer token, since cookies never leave the gateway. The token is minted on first need
 * and kept in the server-side session until shortly before it expires. A request that
 * brings its own Authorization header is passed on untouched.
 */
public final class SessionBearerRelay implements GlobalFilter, Ordered {

	private static final Logger log = LoggerFactory.getLogger(SessionBearerRelay.class);

	static final String PATH_PREFIX = "/api/connections";

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
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		String path = exchange.getRequest().getPath().value();
		boolean relayed = path.equals(PATH_PREFIX) || path.startsWith(PATH_PREFIX + "/");
		if (!relayed || exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
			return chain.filter(exchange);
		}
		return exchange.getSession()
			.flatMap((session) -> bearer(session, CorrelationIdFilter.of(exchange)))
			.map((token) -> exchange.mutate()
				.request((request) -> request.headers((headers) -> headers.setBearerAuth(token)))
				.build())
			.defaultIfEmpty(exchange)
			.flatMap(chain::filter);
	}

	private Mono<String> bearer(WebSession session, String correlationId) {
		Optional<KnownUser> user = this.directory.find(session.getAttribute(SessionAttributes.USER_ID));
		if (user.isEmpty() || !user.get().mayUseLanyard()) {
			return Mono.empty();
		}
		String held = session.getAttribute(SessionAttributes.RELAYED_TOKEN);
		Instant expires = session.getAttribute(SessionAttributes.RELAYED_TOKEN_EXPIRES);
		if (held != null && expires != null && this.clock.instant().plus(MARGIN).isBefore(expires)) {
			return Mono.just(held);
		}
		return this.tokens.issueForConnections(user.get(), SessionAttributes.signedIn(session), correlationId)
			.flatMap((answer) -> {
				if (!answer.status().is2xxSuccessful() || !answer.body().hasNonNull("access_token")) {
					log.warn("No user session token to relay for user {}: token-broker answered {}",
							user.get().userId(), answer.status().value());
					return Mono.empty();
				}
				String token = answer.body().get("access_token").asString();
				long seconds = answer.body().path("expires_in").asLong(0);
				session.getAttributes().put(SessionAttributes.RELAYED_TOKEN, token);
				session.getAttributes()
					.put(SessionAttributes.RELAYED_TOKEN_EXPIRES, this.clock.instant().plusSeconds(seconds));
				return Mono.just(token);
			})
			.onErrorResume((ex) -> {
				log.warn("No user session token to relay for user {}: {}", user.get().userId(), ex.toString());
				return Mono.empty();
			});
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 100;
	}

}
