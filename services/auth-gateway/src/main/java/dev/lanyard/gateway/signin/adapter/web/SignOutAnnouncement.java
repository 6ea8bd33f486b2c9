package dev.lanyard.gateway.signin.adapter.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import dev.lanyard.gateway.signin.application.SignOutAnnouncer;
import dev.lanyard.gateway.web.CorrelationIdFilter;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.logout.ServerLogoutHandler;

/**
 * At sign-out, before the session ends: announces it, so that token-broker refuses every
 * user session and connections token minted for this browser session (they name it as
 * {@code sid}). The sign-out itself does not wait on Kafka's health: when the
 * announcement fails, the session still ends and its tokens expire on their own
 * (minutes).
 */
public final class SignOutAnnouncement implements ServerLogoutHandler {

	private static final Logger log = LoggerFactory.getLogger(SignOutAnnouncement.class);

	private final SignOutAnnouncer announcer;

	public SignOutAnnouncement(SignOutAnnouncer announcer) {
		if (announcer == null) {
			throw new IllegalArgumentException("announcer cannot be null");
		}
		this.announcer = announcer;
	}

	@Override
	public Mono<Void> logout(WebFilterExchange exchange, Authentication authentication) {
		return exchange.getExchange().getSession().flatMap((session) -> {
			String userId = session.getAttribute(SessionAttributes.USER_ID);
			String sessionId = session.getAttribute(SessionAttributes.SESSION_ID);
			if (userId == null || sessionId == null) {
				return Mono.empty();
			}
			return Mono.fromFuture(
					() -> this.announcer.announce(userId, sessionId, CorrelationIdFilter.of(exchange.getExchange())))
				.doOnSuccess((done) -> log.info("User {} signed out (session {})", userId, sessionId))
				.onErrorResume((ex) -> {
					log.warn("Sign-out of user {} (session {}) not announced; its tokens end at expiry: {}", userId,
							sessionId, ex.getClass().getSimpleName());
					return Mono.empty();
				});
		});
	}

}
