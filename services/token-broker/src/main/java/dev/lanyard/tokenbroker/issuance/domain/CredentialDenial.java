package dev.lanyard.tokenbroker.issuance.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * That a credential was refused for a reason an auditor cares about, as the audit trail
 * records it: who would have got it, for what, and why. Never a token or a secret.
 *
 * @param eventId unique id of this record, the idempotency key downstream
 * @param occurredAt when the refusal happened
 * @param correlationId id of the refused request
 * @param actorId the client that authenticated the request, else {@code null}
 * @param subjectId whom the credential would have stood for
 * @param subjectType {@code content}, {@code user}, or {@code federated} when a presented
 * federation token matched no user or content item
 * @param contentId the content item, when known, else {@code null}
 * @param integrationId the integration asked for (the exchange's audience)
 * @param requestedScopes the scopes asked for (empty: the default ones)
 * @param grantType the OAuth grant asked for
 * @param error the OAuth error answered, e.g. {@code unauthorized_client}
 * @param reason why, as a short kebab-case code, e.g. {@code not-associated}
 * @param federatedIssuer identity federation: the presented token's {@code iss} as
 * presented (it may be untrusted), else {@code null}
 * @param federatedSubject identity federation: its {@code sub} as presented, else
 * {@code null}
 */
public record CredentialDenial(UUID eventId, Instant occurredAt, String correlationId, String actorId, String subjectId,
		String subjectType, String contentId, String integrationId, List<String> requestedScopes, String grantType,
		String error, String reason, int repeatCount, String federatedIssuer, String federatedSubject) {

	/** Subject type of content items. */
	public static final String CONTENT = "content";

	/** Subject type of users. */
	public static final String USER = "user";

	/**
	 * Subject type of a presented federation token that matched no user or content item.
	 */
	public static final String FEDERATED = "federated";

	public CredentialDenial {
		if (eventId == null) {
			throw new IllegalArgumentException("eventId cannot be null");
		}
		if (occurredAt == null) {
			throw new IllegalArgumentException("occurredAt cannot be null");
		}
		AuditRecordChecks.requireText(correlationId, "correlationId");
		AuditRecordChecks.requireText(subjectId, "subjectId");
		if (!CONTENT.equals(subjectType) && !USER.equals(subjectType) && !FEDERATED.equals(subjectType)) {
			throw new IllegalArgumentException("subjectType must be content, user or federated");
		}
		AuditRecordChecks.requireText(integrationId, "integrationId");
		if (requestedScopes == null) {
			throw new IllegalArgumentException("requestedScopes cannot be null");
		}
		AuditRecordChecks.requireText(grantType, "grantType");
		AuditRecordChecks.requireText(error, "error");
		AuditRecordChecks.requireReasonCode(reason);
		if (repeatCount < 1) {
			throw new IllegalArgumentException("repeatCount must be at least 1");
		}
		requestedScopes = List.copyOf(requestedScopes);
	}

	/** A denial without a federated token. */
	public CredentialDenial(UUID eventId, Instant occurredAt, String correlationId, String actorId, String subjectId,
			String subjectType, String contentId, String integrationId, List<String> requestedScopes, String grantType,
			String error, String reason, int repeatCount) {
		this(eventId, occurredAt, correlationId, actorId, subjectId, subjectType, contentId, integrationId,
				requestedScopes, grantType, error, reason, repeatCount, null, null);
	}

	/** A denial as it happens: it stands for itself alone. */
	public CredentialDenial(UUID eventId, Instant occurredAt, String correlationId, String actorId, String subjectId,
			String subjectType, String contentId, String integrationId, List<String> requestedScopes, String grantType,
			String error, String reason) {
		this(eventId, occurredAt, correlationId, actorId, subjectId, subjectType, contentId, integrationId,
				requestedScopes, grantType, error, reason, 1, null, null);
	}

	/** This denial, naming the federated token it refused. */
	public CredentialDenial withFederatedToken(String issuer, String subject) {
		return new CredentialDenial(this.eventId, this.occurredAt, this.correlationId, this.actorId, this.subjectId,
				this.subjectType, this.contentId, this.integrationId, this.requestedScopes, this.grantType, this.error,
				this.reason, this.repeatCount, issuer, subject);
	}

	/** The same denial, as a summary standing for {@code count} held-back repeats. */
	public CredentialDenial summary(UUID summaryEventId, Instant at, int count) {
		return new CredentialDenial(summaryEventId, at, this.correlationId, this.actorId, this.subjectId,
				this.subjectType, this.contentId, this.integrationId, this.requestedScopes, this.grantType, this.error,
				this.reason, count, this.federatedIssuer, this.federatedSubject);
	}

	/**
	 * What makes two denials the same for aggregation: who, where, what, why. Not the
	 * presented federated issuer and subject: an unauthenticated caller chooses them
	 * freely (a summary names the last ones presented); a verified subject is the
	 * denial's {@code subjectId} already.
	 */
	public String aggregationKey() {
		return String.join("\u0000", this.subjectId, String.valueOf(this.actorId), String.valueOf(this.contentId),
				this.integrationId, String.join(" ", this.requestedScopes), this.grantType, this.error, this.reason);
	}

}
