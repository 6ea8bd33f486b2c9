package dev.lanyard.tokenbroker.sessions.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.platform.ids.Ids;
import dev.lanyard.tokenbroker.issuance.application.AuditTrailUnavailableException;
import dev.lanyard.tokenbroker.issuance.application.IssuanceAuditTrail;
import dev.lanyard.tokenbroker.issuance.domain.TokenDigest;
import dev.lanyard.tokenbroker.issuance.domain.TokenIssuance;
import dev.lanyard.tokenbroker.users.application.AwaitUser;
import dev.lanyard.tokenbroker.users.domain.UserSnapshot;

/**
 * Mints a user session token for a signed-in user on the gateway's request: waits
 * (bounded) for the user to reach the read model, refuses locked and inactive users (and,
 * for an audit token, anyone but an auditor), records the TokenIssued event and only then
 * returns the token.
 */
public final class IssueUserSessionToken {

	/** The grant type recorded for user session tokens. */
	public static final String GRANT_TYPE = "urn:lanyard:params:oauth:grant-type:user-session";

	/** The one role that may read the audit trail (user-provisioning's Role.AUDITOR). */
	static final String AUDITOR = "auditor";

	private static final Logger log = LoggerFactory.getLogger(IssueUserSessionToken.class);

	private final AwaitUser users;

	private final UserSessionTokenSigner signer;

	private final IssuanceAuditTrail auditTrail;

	private final Duration timeToLive;

	private final Duration userWaitTimeout;

	private final Clock clock;

	private final SignIns signIns;

	private final EndedSessions endedSessions;

	private final Duration sessionMaxAge;

	/**
	 * @param signIns sign-ins as announced on Kafka
	 * @param endedSessions browser sessions signed out of
	 * @param sessionMaxAge the longest a browser session lives (its sign-in may be that
	 * old)
	 */
	public IssueUserSessionToken(AwaitUser users, UserSessionTokenSigner signer, IssuanceAuditTrail auditTrail,
			Duration timeToLive, Duration userWaitTimeout, Clock clock, SignIns signIns, EndedSessions endedSessions,
			Duration sessionMaxAge) {
		if (users == null) {
			throw new IllegalArgumentException("users cannot be null");
		}
		if (signer == null) {
			throw new IllegalArgumentException("signer cannot be null");
		}
		if (auditTrail == null) {
			throw new IllegalArgumentException("auditTrail cannot be null");
		}
		if (timeToLive == null || timeToLive.toSeconds() < 1) {
			throw new IllegalArgumentException("timeToLive must be at least 1 second");
		}
		if (userWaitTimeout == null || userWaitTimeout.isNegative()) {
			throw new IllegalArgumentException("userWaitTimeout cannot be null or negative");
		}
		if (clock == null) {
			throw new IllegalArgumentException("clock cannot be null");
		}
		this.users = users;
		this.signer = signer;
		this.auditTrail = auditTrail;
		this.timeToLive = timeToLive;
		this.userWaitTimeout = userWaitTimeout;
		if (signIns == null || endedSessions == null) {
			throw new IllegalArgumentException("signIns and endedSessions cannot be null");
		}
		if (sessionMaxAge == null || sessionMaxAge.isNegative() || sessionMaxAge.isZero()) {
			throw new IllegalArgumentException("sessionMaxAge must be positive");
		}
		this.clock = clock;
		this.signIns = signIns;
		this.endedSessions = endedSessions;
		this.sessionMaxAge = sessionMaxAge;
	}

	public UserSessionIssuance issue(IssueUserSessionTokenCommand command) throws InterruptedException {
		if (command == null) {
			throw new IllegalArgumentException("command cannot be null");
		}
		Optional<UserSnapshot> found = this.users.await(command.userId(), command.minimumUserVersion(),
				this.userWaitTimeout);
		if (found.isEmpty()) {
			log.info("Refused user session token for unknown user {} (gateway {})", command.userId(),
					command.gatewayClientId());
			return new UserSessionIssuance.UnknownUser();
		}
		UserSnapshot user = found.get();
		if (command.minimumUserVersion() != null && user.version() < command.minimumUserVersion()) {
			log.warn("User {} is at version {} here, the gateway knows version {}; no token yet", user.userId(),
					user.version(), command.minimumUserVersion());
			return new UserSessionIssuance.NotYetCurrent();
		}
		switch (user.standing()) {
			case LOCKED -> {
				log.info("Refused user session token for locked user {}", user.userId());
				return new UserSessionIssuance.Refused("The user is locked");
			}
			case INACTIVE -> {
				log.info("Refused user session token for inactive user {}", user.userId());
				return new UserSessionIssuance.Refused("The user is deactivated");
			}
			case GOOD -> {
				// below
			}
		}
		if (command.kind() == UserTokenKind.AUDIT && !AUDITOR.equals(user.role())) {
			log.info("Refused an audit token for user {}: role {}, not auditor", user.userId(), user.role());
			return new UserSessionIssuance.Refused("The user is not an auditor");
		}
		if (this.endedSessions.ended(command.sessionId())) {
			log.info("Refused a token for user {}: browser session {} has ended", user.userId(), command.sessionId());
			return new UserSessionIssuance.Refused("The browser session has ended");
		}
		if (!awaitSignIn(command, user)) {
			log.warn("Refused a token for user {}: no announced sign-in {} backs browser session {}", user.userId(),
					command.loginEventId(), command.sessionId());
			return new UserSessionIssuance.Refused("No sign-in of this user backs this browser session");
		}
		Instant issuedAt = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		Instant expiresAt = issuedAt.plus(this.timeToLive);
		String tokenId = Ids.uuidString();
		String token = this.signer.sign(user, tokenId, issuedAt, expiresAt, command.sessionId(), command.kind(),
				command.contentId());
		String tokenType = command.kind().tokenType();
		TokenIssuance issuance = new TokenIssuance(Ids.uuid(), this.clock.instant(), command.correlationId(), tokenId,
				TokenDigest.sha256Hex(token), tokenType, user.userId(), "user", command.contentId(), List.of(),
				this.signer.audience(command.kind()), GRANT_TYPE, issuedAt, expiresAt, command.gatewayClientId(), null);
		try {
			this.auditTrail.record(issuance);
		}
		catch (AuditTrailUnavailableException ex) {
			log.warn("Refused {} token {} for user {}: {}", tokenType, tokenId, user.userId(), ex.getMessage());
			return new UserSessionIssuance.AuditTrailUnavailable();
		}
		log.debug("Issued {} token {} for user {} (content {}) to gateway {}", tokenType, tokenId, user.userId(),
				command.contentId(), command.gatewayClientId());
		return new UserSessionIssuance.Issued(token, issuedAt, expiresAt);
	}

	/**
	 * Whether the sign-in behind the session reached this service (its events travel
	 * apart from the gateway's request: bounded wait, as for the user).
	 */
	private boolean awaitSignIn(IssueUserSessionTokenCommand command, UserSnapshot user) throws InterruptedException {
		Instant notBefore = this.clock.instant().minus(this.sessionMaxAge);
		long deadline = System.nanoTime() + this.userWaitTimeout.toNanos();
		while (true) {
			if (this.signIns.confirms(command.loginEventId(), command.sessionId(), user.userId(), notBefore)) {
				return true;
			}
			if (System.nanoTime() >= deadline) {
				return false;
			}
			Thread.sleep(50);
		}
	}

}
