package dev.lanyard.tokenbroker.custody.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.tokenbroker.custody.domain.UpstreamToken;
import dev.lanyard.tokenbroker.sessions.application.EndedSessions;
import dev.lanyard.tokenbroker.sessions.application.SignIns;

/**
 * Keeps a session's upstream token on the gateway's word, but only for a sign-in that
 * reached this service through Kafka for that session and user (as for user session
 * tokens: a gateway secret alone cannot plant a token in someone else's session), never
 * for an ended session, and no longer than the token's own expiry nor the longest a
 * browser session lives.
 */
public final class DepositUpstreamToken {

	private static final Logger log = LoggerFactory.getLogger(DepositUpstreamToken.class);

	/** What depositing led to. */
	public enum Outcome {

		KEPT, EXPIRED, SESSION_ENDED, NO_SIGN_IN

	}

	private final UpstreamTokenStore store;

	private final SignIns signIns;

	private final EndedSessions endedSessions;

	private final Duration sessionMaxAge;

	private final Duration signInWait;

	private final Clock clock;

	/**
	 * @param sessionMaxAge the longest a browser session lives: no token is kept longer
	 * @param signInWait how long to wait for the sign-in's events to arrive
	 */
	public DepositUpstreamToken(UpstreamTokenStore store, SignIns signIns, EndedSessions endedSessions,
			Duration sessionMaxAge, Duration signInWait, Clock clock) {
		if (store == null) {
			throw new IllegalArgumentException("store cannot be null");
		}
		if (signIns == null) {
			throw new IllegalArgumentException("signIns cannot be null");
		}
		if (endedSessions == null) {
			throw new IllegalArgumentException("endedSessions cannot be null");
		}
		if (sessionMaxAge == null || sessionMaxAge.isNegative() || sessionMaxAge.isZero()) {
			throw new IllegalArgumentException("sessionMaxAge must be positive");
		}
		if (signInWait == null || signInWait.isNegative()) {
			throw new IllegalArgumentException("signInWait cannot be null or negative");
		}
		if (clock == null) {
			throw new IllegalArgumentException("clock cannot be null");
		}
		this.store = store;
		this.signIns = signIns;
		this.endedSessions = endedSessions;
		this.sessionMaxAge = sessionMaxAge;
		this.signInWait = signInWait;
		this.clock = clock;
	}

	public Outcome deposit(DepositUpstreamTokenCommand command) throws InterruptedException {
		if (command == null) {
			throw new IllegalArgumentException("command cannot be null");
		}
		Instant now = this.clock.instant();
		if (!command.expiresAt().isAfter(now)) {
			return Outcome.EXPIRED;
		}
		if (this.endedSessions.ended(command.sessionId())) {
			log.info("Refused the upstream token of user {}: session {} has ended", command.userId(),
					command.sessionId());
			return Outcome.SESSION_ENDED;
		}
		if (!awaitSignIn(command, now.minus(this.sessionMaxAge))) {
			log.warn("Refused the upstream token of user {}: no announced sign-in {} backs session {}",
					command.userId(), command.loginEventId(), command.sessionId());
			return Outcome.NO_SIGN_IN;
		}
		Instant cap = now.plus(this.sessionMaxAge);
		Instant expiresAt = command.expiresAt().isAfter(cap) ? cap : command.expiresAt();
		this.store.save(new UpstreamToken(command.sessionId(), command.userId(), command.accessToken(), expiresAt),
				now);
		log.info("Kept the upstream token of user {} for session {} until {}", command.userId(), command.sessionId(),
				expiresAt);
		return Outcome.KEPT;
	}

	/** The sign-in's events travel apart from the gateway's request: bounded wait. */
	private boolean awaitSignIn(DepositUpstreamTokenCommand command, Instant notBefore) throws InterruptedException {
		long deadline = System.nanoTime() + this.signInWait.toNanos();
		while (true) {
			if (this.signIns.confirms(command.loginEventId(), command.sessionId(), command.userId(), notBefore)) {
				return true;
			}
			if (System.nanoTime() >= deadline) {
				return false;
			}
			Thread.sleep(50);
		}
	}

}
