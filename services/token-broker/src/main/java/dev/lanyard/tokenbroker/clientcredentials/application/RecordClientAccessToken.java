package dev.lanyard.tokenbroker.clientcredentials.application;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.platform.ids.Ids;
import dev.lanyard.tokenbroker.clients.domain.ClientKind;
import dev.lanyard.tokenbroker.issuance.application.AuditTrailUnavailableException;
import dev.lanyard.tokenbroker.issuance.application.IssuanceAuditTrail;
import dev.lanyard.tokenbroker.issuance.domain.TokenDigest;
import dev.lanyard.tokenbroker.issuance.domain.TokenIssuance;

/**
 * Records a client access token in the audit trail before it leaves the service: the
 * subject is recorded for what the client is (its kind), and only a content client's
 * token is a content session.
 */
public final class RecordClientAccessToken {

	/** The grant type recorded for client access tokens. */
	public static final String GRANT_TYPE = "client_credentials";

	private static final Logger log = LoggerFactory.getLogger(RecordClientAccessToken.class);

	private final IssuanceAuditTrail auditTrail;

	private final Clock clock;

	public RecordClientAccessToken(IssuanceAuditTrail auditTrail, Clock clock) {
		if (auditTrail == null) {
			throw new IllegalArgumentException("auditTrail cannot be null");
		}
		if (clock == null) {
			throw new IllegalArgumentException("clock cannot be null");
		}
		this.auditTrail = auditTrail;
		this.clock = clock;
	}

	public ClientAccessTokenIssuance record(RecordClientAccessTokenCommand command) {
		if (command == null) {
			throw new IllegalArgumentException("command cannot be null");
		}
		TokenIssuance issuance = describe(command);
		try {
			this.auditTrail.record(issuance);
		}
		catch (AuditTrailUnavailableException ex) {
			log.warn("Refused {} token {} for client {}: {}", issuance.tokenType(), issuance.tokenId(),
					issuance.subjectId(), ex.getMessage());
			return new ClientAccessTokenIssuance.AuditTrailUnavailable();
		}
		log.debug("Issued {} token {} for client {}", issuance.tokenType(), issuance.tokenId(), issuance.subjectId());
		return new ClientAccessTokenIssuance.Recorded();
	}

	private TokenIssuance describe(RecordClientAccessTokenCommand command) {
		boolean content = command.kind() == ClientKind.CONTENT;
		String tokenType = content ? TokenIssuance.CONTENT_SESSION : TokenIssuance.CLIENT_ACCESS;
		// as the token carries them: NumericDate is whole seconds
		return new TokenIssuance(Ids.uuid(), this.clock.instant(), command.correlationId(), command.tokenId(),
				TokenDigest.sha256Hex(command.tokenValue()), tokenType, command.clientId(), command.kind().value(),
				content ? command.clientId() : null, List.copyOf(new TreeSet<>(command.scopes())), command.audience(),
				GRANT_TYPE, command.issuedAt().truncatedTo(ChronoUnit.SECONDS),
				command.expiresAt().truncatedTo(ChronoUnit.SECONDS));
	}

}
