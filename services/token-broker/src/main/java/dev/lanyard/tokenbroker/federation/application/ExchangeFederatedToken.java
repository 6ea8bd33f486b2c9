package dev.lanyard.tokenbroker.federation.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.platform.ids.Ids;
import dev.lanyard.tokenbroker.federation.domain.FederationCheck;
import dev.lanyard.tokenbroker.federation.domain.FederationKind;
import dev.lanyard.tokenbroker.federation.domain.FederationTrust;
import dev.lanyard.tokenbroker.issuance.application.AuditTrailUnavailableException;
import dev.lanyard.tokenbroker.issuance.application.DenialRecorder;
import dev.lanyard.tokenbroker.issuance.application.IssuanceAuditTrail;
import dev.lanyard.tokenbroker.issuance.domain.CredentialDenial;
import dev.lanyard.tokenbroker.issuance.domain.Provenance;
import dev.lanyard.tokenbroker.issuance.domain.TokenDigest;
import dev.lanyard.tokenbroker.issuance.domain.TokenIssuance;
import dev.lanyard.tokenbroker.users.domain.UserSnapshot;

/**
 * Identity federation: a presented JWT accepted by exactly one trust rule becomes a
 * Lanyard token — for the matched, active user ({@code user-federated}; created just in
 * time when the rule says {@code createUsers} and none matched), or the rule's content
 * item ({@code content-session}) — that expires no later than the presented token nor the
 * rule's lifetime. The {@code jti} is consumed once a rule accepted the token. Every
 * refusal is recorded as CredentialDenied naming the failed check; a token leaves only
 * once its TokenIssued (with the federated issuer and subject) is acknowledged.
 */
public final class ExchangeFederatedToken {

	/** The {@code lanyard_token_type} of a federated user's access token. */
	public static final String USER_FEDERATED = "user-federated";

	private static final Logger log = LoggerFactory.getLogger(ExchangeFederatedToken.class);

	/** CredentialDenied's fields hold presented values up to this length. */
	private static final int PRESENTED_MAX = 256;

	private static final String UNKNOWN = "unknown";

	private final FederatedTokenVerifier verifier;

	private final ReplayCache replays;

	private final FederatedUsers users;

	private final JustInTimeUsers justInTime;

	private final FederatedTokenSigner signer;

	private final IssuanceAuditTrail auditTrail;

	private final DenialRecorder denials;

	private final Duration defaultLifetime;

	private final Clock clock;

	public ExchangeFederatedToken(FederatedTokenVerifier verifier, ReplayCache replays, FederatedUsers users,
			JustInTimeUsers justInTime, FederatedTokenSigner signer, IssuanceAuditTrail auditTrail,
			DenialRecorder denials, Duration defaultLifetime, Clock clock) {
		if (verifier == null || replays == null || users == null || signer == null) {
			throw new IllegalArgumentException("verifier, replays, users and signer cannot be null");
		}
		if (justInTime == null) {
			throw new IllegalArgumentException("justInTime cannot be null");
		}
		if (auditTrail == null || denials == null) {
			throw new IllegalArgumentException("auditTrail and denials cannot be null");
		}
		if (defaultLifetime == null || defaultLifetime.isNegative() || defaultLifetime.isZero()) {
			throw new IllegalArgumentException("defaultLifetime must be positive");
		}
		if (clock == null) {
			throw new IllegalArgumentException("clock cannot be null");
		}
		this.verifier = verifier;
		this.replays = replays;
		this.users = users;
		this.justInTime = justInTime;
		this.signer = signer;
		this.auditTrail = auditTrail;
		this.denials = denials;
		this.defaultLifetime = defaultLifetime;
		this.clock = clock;
	}

	public FederatedExchange exchange(ExchangeFederatedTokenCommand command) {
		if (command == null) {
			throw new IllegalArgumentException("command cannot be null");
		}
		TokenVerification verification = this.verifier.verify(command.token(), command.integrationId());
		if (verification instanceof TokenVerification.Refused refused) {
			return deny(command, refused.check(), refused.integrationId(), refused.issuer(), refused.subject(), null);
		}
		VerifiedToken token = ((TokenVerification.Verified) verification).token();
		FederationTrust trust = token.trust();
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		Instant notAfter = min(token.expiresAt(), now.plus(lifetime(trust)));
		if (!notAfter.isAfter(now)) {
			// accepted within the clock skew, yet no lifetime is left to hand out
			return deny(command, FederationCheck.EXPIRED, trust.integrationId(), token.issuer(), token.subject(), null);
		}
		if (!trust.allowJtiReuse() && !this.replays.firstUse(token.issuer(), token.jti(),
				token.expiresAt().plus(trust.clockSkew()).plusSeconds(1))) {
			return deny(command, FederationCheck.JTI_REPLAYED, trust.integrationId(), token.issuer(), token.subject(),
					null);
		}
		return (trust.kind() == FederationKind.OIDC) ? forUser(command, token, now, notAfter)
				: forContent(command, token, notAfter);
	}

	private FederatedExchange forUser(ExchangeFederatedTokenCommand command, VerifiedToken token, Instant now,
			Instant notAfter) {
		FederationTrust trust = token.trust();
		if (!command.scopes().isEmpty()) {
			return deny(command, FederationCheck.SCOPE, trust.integrationId(), token.issuer(), token.subject(), null);
		}
		Object claim = token.claims().get(trust.matchClaim());
		String value = (claim instanceof String text && !text.isBlank()) ? text : null;
		List<UserSnapshot> found = (value != null) ? this.users.find(trust.userField(), value) : List.of();
		if (found.isEmpty() && value != null && trust.createUsers()) {
			return createdUser(command, token, value, now, notAfter);
		}
		if (found.size() != 1) {
			if (found.size() > 1) {
				log.warn("Federation rule {}: claim {} matches {} users; refused", trust.integrationId(),
						trust.matchClaim(), found.size());
			}
			return deny(command, FederationCheck.UNKNOWN_USER, trust.integrationId(), token.issuer(), token.subject(),
					null);
		}
		return forStanding(command, token, found.getFirst(), now, notAfter);
	}

	/** Just in time: the rule creates users, and the match claim named none. */
	private FederatedExchange createdUser(ExchangeFederatedTokenCommand command, VerifiedToken token, String value,
			Instant now, Instant notAfter) {
		String rule = token.trust().integrationId();
		return switch (this.justInTime.create(token, value, command.correlationId())) {
			case JustInTimeUsers.Outcome.Arrived arrived -> forStanding(command, token, arrived.user(), now, notAfter);
			case JustInTimeUsers.Outcome.NotAdmitted refused -> {
				log.info("Federation rule {}: just-in-time user not admitted ({})", rule, refused.reason());
				yield deny(command, FederationCheck.USER_NOT_ADMITTED, rule, token.issuer(), token.subject(), null);
			}
			case JustInTimeUsers.Outcome.Mismatch mismatch ->
				deny(command, FederationCheck.UNKNOWN_USER, rule, token.issuer(), token.subject(), null);
			case JustInTimeUsers.Outcome.Unavailable unavailable ->
				deny(command, FederationCheck.USERS_UNAVAILABLE, rule, token.issuer(), token.subject(), null);
		};
	}

	private FederatedExchange forStanding(ExchangeFederatedTokenCommand command, VerifiedToken token, UserSnapshot user,
			Instant now, Instant notAfter) {
		FederationTrust trust = token.trust();
		switch (user.standing()) {
			case LOCKED -> {
				return deny(command, FederationCheck.USER_LOCKED, trust.integrationId(), token.issuer(),
						token.subject(), user.userId());
			}
			case INACTIVE -> {
				return deny(command, FederationCheck.USER_DEACTIVATED, trust.integrationId(), token.issuer(),
						token.subject(), user.userId());
			}
			case GOOD -> {
				// below
			}
		}
		SignedToken signed = this.signer.signUser(user, Ids.uuidString(), now, notAfter);
		return record(command, token, signed, USER_FEDERATED, user.userId(), CredentialDenial.USER, null);
	}

	private FederatedExchange forContent(ExchangeFederatedTokenCommand command, VerifiedToken token, Instant notAfter) {
		FederationTrust trust = token.trust();
		Optional<Set<String>> allowed = this.signer.contentScopes(trust.contentId());
		if (allowed.isEmpty()) {
			return deny(command, FederationCheck.UNKNOWN_CONTENT, trust.integrationId(), token.issuer(),
					token.subject(), null);
		}
		if (!allowed.get().containsAll(command.scopes())) {
			return deny(command, FederationCheck.SCOPE, trust.integrationId(), token.issuer(), token.subject(),
					trust.contentId());
		}
		Optional<SignedToken> signed = this.signer.signContent(trust.contentId(), command.scopes(), notAfter);
		if (signed.isEmpty()) {
			return deny(command, FederationCheck.UNKNOWN_CONTENT, trust.integrationId(), token.issuer(),
					token.subject(), null);
		}
		return record(command, token, signed.get(), TokenIssuance.CONTENT_SESSION, trust.contentId(),
				CredentialDenial.CONTENT, trust.contentId());
	}

	private FederatedExchange record(ExchangeFederatedTokenCommand command, VerifiedToken token, SignedToken signed,
			String tokenType, String subjectId, String subjectType, String contentId) {
		TokenIssuance issuance = new TokenIssuance(Ids.uuid(), this.clock.instant(), command.correlationId(),
				signed.tokenId(), TokenDigest.sha256Hex(signed.value()), tokenType, subjectId, subjectType, contentId,
				List.copyOf(new TreeSet<>(signed.scopes())), signed.audience(), command.grantType(), signed.issuedAt(),
				signed.expiresAt(), command.actorClientId(), token.trust().integrationId())
			.withProvenance(Provenance.federated(truncate(token.issuer()),
					truncate((token.subject() != null) ? token.subject() : UNKNOWN)));
		try {
			this.auditTrail.record(issuance);
		}
		catch (AuditTrailUnavailableException ex) {
			log.warn("Refused {} token {} for {} {} (federation {}): {}", tokenType, signed.tokenId(), subjectType,
					subjectId, token.trust().integrationId(), ex.getMessage());
			return new FederatedExchange.AuditTrailUnavailable();
		}
		log.info("Issued {} token {} for {} {} via federation {}", tokenType, signed.tokenId(), subjectType, subjectId,
				token.trust().integrationId());
		return new FederatedExchange.Issued(signed);
	}

	/**
	 * Records the refusal: subject the matched user or content item when there is one,
	 * else the presented {@code sub} (type {@code federated}) once the signature
	 * verified. Before that the subject is {@code unknown} and no scopes are named: those
	 * values are the caller's to choose, would name someone who asked for nothing, and,
	 * varied per attempt, would make every refusal a kind of its own that aggregation
	 * never sums up. The presented {@code iss}/{@code sub} stay in their own fields,
	 * marked as presented.
	 */
	private FederatedExchange deny(ExchangeFederatedTokenCommand command, FederationCheck check, String integrationId,
			String issuer, String subject, String matchedId) {
		boolean user = matchedId != null && check != FederationCheck.SCOPE;
		String subjectId = (matchedId != null) ? matchedId
				: (check.afterSignature() ? orUnknown(truncate(subject)) : UNKNOWN);
		List<String> scopes = check.afterSignature() ? List.copyOf(new TreeSet<>(command.scopes())) : List.of();
		String subjectType = (matchedId == null) ? CredentialDenial.FEDERATED
				: (user ? CredentialDenial.USER : CredentialDenial.CONTENT);
		String contentId = CredentialDenial.CONTENT.equals(subjectType) ? matchedId : null;
		CredentialDenial denial = new CredentialDenial(Ids.uuid(), this.clock.instant(), command.correlationId(),
				command.actorClientId(), subjectId, subjectType, contentId, orUnknown(integrationId), scopes,
				command.grantType(), check.error(), check.reason())
			.withFederatedToken(truncate(issuer), truncate(subject));
		log.info("Refused federation token (rule {}, issuer {}): {}", orUnknown(integrationId),
				printable(truncate(issuer)), check.reason());
		try {
			this.denials.record(denial);
		}
		catch (AuditTrailUnavailableException ex) {
			log.warn("Denial {} (federation {}) not recorded in time: {}", denial.eventId(), integrationId,
					ex.getMessage());
		}
		return new FederatedExchange.Refused(check);
	}

	private Duration lifetime(FederationTrust trust) {
		return (trust.tokenLifetime() != null) ? trust.tokenLifetime() : this.defaultLifetime;
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	private static String orUnknown(String value) {
		return (value == null || value.isBlank()) ? UNKNOWN : value;
	}

	/** A presented value as a log line may hold it: no line breaks or other controls. */
	private static String printable(String value) {
		return (value != null) ? value.replaceAll("\\p{Cntrl}", "?") : null;
	}

	private static String truncate(String value) {
		return (value == null || value.length() <= PRESENTED_MAX) ? value : value.substring(0, PRESENTED_MAX);
	}

}
