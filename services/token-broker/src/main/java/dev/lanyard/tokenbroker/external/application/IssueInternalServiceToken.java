package dev.lanyard.tokenbroker.external.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.platform.ids.Ids;
import dev.lanyard.tokenbroker.issuance.application.AuditTrailUnavailableException;
import dev.lanyard.tokenbroker.issuance.application.IssuanceAuditTrail;
import dev.lanyard.tokenbroker.issuance.domain.TokenDigest;
import dev.lanyard.tokenbroker.issuance.domain.TokenIssuance;

/**
 * Signs a short-lived token for token-broker's own call to another Lanyard service. It is
 * a credential like any other, so its TokenIssued is recorded before it is used.
 */
public final class IssueInternalServiceToken {

	/** Subject, actor and role of these tokens. */
	public static final String SERVICE = "token-broker";

	/** The grant type recorded: the service is its own client. */
	public static final String GRANT_TYPE = "client_credentials";

	private static final Logger log = LoggerFactory.getLogger(IssueInternalServiceToken.class);

	private final InternalTokenSigner signer;

	private final IssuanceAuditTrail auditTrail;

	private final Duration timeToLive;

	private final Clock clock;

	public IssueInternalServiceToken(InternalTokenSigner signer, IssuanceAuditTrail auditTrail, Duration timeToLive,
			Clock clock) {
		if (signer == null) {
			throw new IllegalArgumentException("signer cannot be null");
		}
		if (auditTrail == null) {
			throw new IllegalArgumentException("auditTrail cannot be null");
		}
		if (timeToLive == null || timeToLive.toSeconds() < 1) {
			throw new IllegalArgumentException("timeToLive must be at least 1 second");
		}
		if (clock == null) {
			throw new IllegalArgumentException("clock cannot be null");
		}
		this.signer = signer;
		this.auditTrail = auditTrail;
		this.timeToLive = timeToLive;
		this.clock = clock;
	}

	/** A recorded token for the audience, e.g. {@code integration-registry}. */
	public String issue(String audience, String correlationId) throws ExternalServiceUnavailableException {
		if (audience == null || audience.isBlank()) {
			throw new IllegalArgumentException("audience cannot be blank");
		}
		if (correlationId == null || correlationId.isBlank()) {
			throw new IllegalArgumentException("correlationId cannot be blank");
		}
		Instant issuedAt = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		Instant expiresAt = issuedAt.plus(this.timeToLive);
		String tokenId = Ids.uuidString();
		String token = this.signer.sign(audience, tokenId, issuedAt, expiresAt);
		try {
			this.auditTrail.record(new TokenIssuance(Ids.uuid(), this.clock.instant(), correlationId, tokenId,
					TokenDigest.sha256Hex(token), TokenIssuance.INTERNAL_SERVICE, SERVICE, "service", null, List.of(),
					List.of(audience), GRANT_TYPE, issuedAt, expiresAt, SERVICE, null));
		}
		catch (AuditTrailUnavailableException ex) {
			throw new ExternalServiceUnavailableException(
					"No internal-service token for " + audience + ": " + ex.getMessage(), ex);
		}
		log.debug("Issued internal-service token {} for {}", tokenId, audience);
		return token;
	}

}
