package dev.lanyard.tokenbroker.delegation.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.platform.ids.Ids;
import dev.lanyard.tokenbroker.delegation.domain.Actor;
import dev.lanyard.tokenbroker.delegation.domain.DelegatedToken;
import dev.lanyard.tokenbroker.delegation.application.Delegation.Refusal;
import dev.lanyard.tokenbroker.issuance.application.AuditTrailUnavailableException;
import dev.lanyard.tokenbroker.issuance.application.DenialRecorder;
import dev.lanyard.tokenbroker.issuance.application.IssuanceAuditTrail;
import dev.lanyard.tokenbroker.issuance.domain.CredentialDenial;
import dev.lanyard.tokenbroker.issuance.domain.Provenance;
import dev.lanyard.tokenbroker.issuance.domain.TokenDigest;
import dev.lanyard.tokenbroker.issuance.domain.TokenIssuance;
import dev.lanyard.tokenbroker.users.application.UserReadModel;
import dev.lanyard.tokenbroker.users.domain.UserSnapshot;

/**
 * Delegation (RFC 8693 with an actor token): a token for the user that says who acts for
 * them. The actor must be the authenticated client, named by the subject token's
 * {@code may_act}; the audience one of the configured ones; the scopes only ever fewer;
 * the user still in good standing. The token lives no longer than the subject token nor
 * the policy maximum, and is handed out only after its TokenIssued is acknowledged. Each
 * refusal is recorded as a {@link CredentialDenial}.
 */
public final class IssueDelegatedToken {

	/** The {@code lanyard_token_type} of delegated tokens, as the trail records it. */
	public static final String TOKEN_TYPE = "user-delegated";

	/** The grant delegated tokens come from. */
	public static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:token-exchange";

	private static final Logger log = LoggerFactory.getLogger(IssueDelegatedToken.class);

	private final List<String> audiences;

	private final Duration maxLifetime;

	private final UserReadModel users;

	private final DelegatedTokenSigner signer;

	private final IssuanceAuditTrail auditTrail;

	private final DenialRecorder denials;

	private final Clock clock;

	public IssueDelegatedToken(List<String> audiences, Duration maxLifetime, UserReadModel users,
			DelegatedTokenSigner signer, IssuanceAuditTrail auditTrail, DenialRecorder denials, Clock clock) {
		if (audiences == null) {
			throw new IllegalArgumentException("audiences cannot be null");
		}
		if (maxLifetime == null || maxLifetime.isNegative() || maxLifetime.isZero()) {
			throw new IllegalArgumentException("maxLifetime must be positive");
		}
		if (users == null) {
			throw new IllegalArgumentException("users cannot be null");
		}
		if (signer == null) {
			throw new IllegalArgumentException("signer cannot be null");
		}
		if (auditTrail == null) {
			throw new IllegalArgumentException("auditTrail cannot be null");
		}
		if (denials == null) {
			throw new IllegalArgumentException("denials cannot be null");
		}
		if (clock == null) {
			throw new IllegalArgumentException("clock cannot be null");
		}
		this.audiences = List.copyOf(audiences);
		this.maxLifetime = maxLifetime;
		this.users = users;
		this.signer = signer;
		this.auditTrail = auditTrail;
		this.denials = denials;
		this.clock = clock;
	}

	public Delegation issue(IssueDelegatedTokenCommand command) {
		if (command == null) {
			throw new IllegalArgumentException("command cannot be null");
		}
		if (!command.clientId().equals(command.actorTokenSubject())) {
			return refuse(command, Refusal.ACTOR_NOT_ALLOWED, "The actor token was not issued to this client");
		}
		if (!command.clientId().equals(command.mayAct())) {
			return refuse(command, Refusal.ACTOR_NOT_ALLOWED, "The subject token does not allow this client to act");
		}
		if (!this.audiences.contains(command.audience())) {
			return refuse(command, Refusal.AUDIENCE_NOT_ALLOWED,
					"No delegated token can be issued for audience " + command.audience());
		}
		if (!command.subjectScopes().containsAll(command.requestedScopes())) {
			return refuse(command, Refusal.SCOPE_WIDENED, "A delegated token carries no scope its subject token lacks");
		}
		UserSnapshot user = this.users.find(command.userId()).orElse(null);
		if (user == null || user.standing() != UserSnapshot.Standing.GOOD) {
			Refusal denial = (user == null) ? Refusal.UNKNOWN_USER : (user.standing() == UserSnapshot.Standing.LOCKED)
					? Refusal.USER_LOCKED : Refusal.USER_DEACTIVATED;
			return refuse(command, denial, "User " + command.userId() + " may not receive credentials");
		}
		return handOut(command);
	}

	/**
	 * Records and answers a refusal found before the command could be checked here (an
	 * actor token that did not verify).
	 */
	public Delegation refuse(IssueDelegatedTokenCommand command, Refusal reason, String description) {
		if (command == null) {
			throw new IllegalArgumentException("command cannot be null");
		}
		if (reason == null) {
			throw new IllegalArgumentException("reason cannot be null");
		}
		log.info("Denied delegated token for user {} to client {} for audience {}: {}", command.userId(),
				command.clientId(), command.audience(), reason);
		CredentialDenial denial = new CredentialDenial(Ids.uuid(), this.clock.instant(), command.correlationId(),
				command.clientId(), command.userId(), CredentialDenial.USER, command.clientId(),
				truncated(command.audience()), List.copyOf(new TreeSet<>(command.requestedScopes())), GRANT_TYPE,
				reason.error(), reason.code());
		try {
			this.denials.record(denial);
		}
		catch (AuditTrailUnavailableException ex) {
			log.warn("Denial {} of user {} for audience {} not recorded in time: {}", denial.eventId(),
					command.userId(), command.audience(), ex.getMessage());
		}
		return new Delegation.Refused(reason, description);
	}

	/** The audience as asked for, which may be anything, at most 256 characters. */
	private static String truncated(String audience) {
		return (audience.length() > 256) ? audience.substring(0, 256) : audience;
	}

	private Delegation handOut(IssueDelegatedTokenCommand command) {
		Instant now = this.clock.instant();
		Instant cap = now.plus(this.maxLifetime);
		Instant expiresAt = command.subjectExpiresAt().isBefore(cap) ? command.subjectExpiresAt() : cap;
		if (!expiresAt.isAfter(now)) {
			return refuse(command, Refusal.ACTOR_TOKEN_INVALID, "The subject token expired");
		}
		Set<String> scopes = command.requestedScopes().isEmpty() ? command.subjectScopes() : command.requestedScopes();
		Actor actor = new Actor(command.clientId(), command.subjectActor());
		String tokenId = Ids.uuidString();
		DelegatedToken token = new DelegatedToken(tokenId, command.userId(), actor, command.audience(), scopes, now,
				expiresAt, command.sessionId());
		String value = this.signer.sign(token);
		TokenIssuance issuance = new TokenIssuance(Ids.uuid(), now, command.correlationId(), tokenId,
				TokenDigest.sha256Hex(value), TOKEN_TYPE, command.userId(), CredentialDenial.USER, command.clientId(),
				List.copyOf(new TreeSet<>(scopes)), List.of(command.audience()), GRANT_TYPE, now, expiresAt,
				command.clientId(), null)
			.withProvenance(Provenance.delegated(actor.chain()));
		try {
			this.auditTrail.record(issuance);
		}
		catch (AuditTrailUnavailableException ex) {
			log.warn("Refused delegated token {} for user {} to client {}: {}", tokenId, command.userId(),
					command.clientId(), ex.getMessage());
			return new Delegation.Unavailable("The audit trail is unavailable, so no token was issued; retry later");
		}
		log.debug("Issued delegated token {} for user {} acted on by {} for audience {}", tokenId, command.userId(),
				command.clientId(), command.audience());
		return new Delegation.Issued(value, now, expiresAt, scopes);
	}

}
