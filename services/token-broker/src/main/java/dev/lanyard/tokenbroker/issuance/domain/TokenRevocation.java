package dev.lanyard.tokenbroker.issuance.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import dev.lanyard.platform.ids.Ids;

/**
 * That credentials stopped being valid before their expiry, as the audit trail records
 * it: one token, one integration's tokens of a subject, or every token of a subject.
 * Never a token or a secret.
 *
 * @param eventId unique id of this record, the idempotency key downstream
 * @param occurredAt when the credentials were revoked
 * @param correlationId id of the request or event that caused it
 * @param actorId who asked for it, else {@code null}
 * @param subjectId whose credentials they were
 * @param subjectType {@code content} or {@code user}
 * @param tokenId the revoked token's id; {@code null} when every token of the subject
 * (for the integration, when given) is revoked
 * @param integrationId the integration whose tokens are revoked, else {@code null} (all)
 * @param reason why, as a short kebab-case code, e.g. {@code disconnected}
 */
public record TokenRevocation(UUID eventId, Instant occurredAt, String correlationId, String actorId, String subjectId,
		String subjectType, String tokenId, String integrationId, String reason) {

	/** A user removed their connection to an integration. */
	public static final String DISCONNECTED = "disconnected";

	/** The user was deactivated: every credential of theirs is gone. */
	public static final String USER_DEACTIVATED = "user-deactivated";

	public TokenRevocation {
		if (eventId == null) {
			throw new IllegalArgumentException("eventId cannot be null");
		}
		if (occurredAt == null) {
			throw new IllegalArgumentException("occurredAt cannot be null");
		}
		AuditRecordChecks.requireText(correlationId, "correlationId");
		AuditRecordChecks.requireText(subjectId, "subjectId");
		AuditRecordChecks.requireContentOrUser(subjectType);
		AuditRecordChecks.requireReasonCode(reason);
	}

	/**
	 * The revocation of one integration's tokens of a user who disconnected it.
	 */
	public static TokenRevocation disconnected(String userId, String integrationId, String correlationId, Instant at) {
		AuditRecordChecks.requireText(integrationId, "integrationId");
		return new TokenRevocation(Ids.uuid(), at, correlationId, userId, userId, CredentialDenial.USER, null,
				integrationId, DISCONNECTED);
	}

	/**
	 * The revocation of every token of a deactivated user. Its id is derived from the
	 * deactivation's, so handling that event again records the same revocation, which the
	 * audit trail stores once.
	 */
	public static TokenRevocation userDeactivated(UUID deactivationEventId, String userId, String actorId,
			String correlationId, Instant at) {
		if (deactivationEventId == null) {
			throw new IllegalArgumentException("deactivationEventId cannot be null");
		}
		UUID eventId = UUID
			.nameUUIDFromBytes(("token-revoked/" + deactivationEventId).getBytes(StandardCharsets.UTF_8));
		return new TokenRevocation(eventId, at, correlationId, actorId, userId, CredentialDenial.USER, null, null,
				USER_DEACTIVATED);
	}

}
