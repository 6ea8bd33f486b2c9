package dev.lanyard.tokenbroker.issuance.adapter.kafka;

import dev.lanyard.events.CredentialDenied;
import dev.lanyard.events.TokenIssued;
import dev.lanyard.events.TokenRevoked;
import dev.lanyard.tokenbroker.issuance.domain.CredentialDenial;
import dev.lanyard.tokenbroker.issuance.domain.TokenIssuance;
import dev.lanyard.tokenbroker.issuance.domain.TokenRevocation;

/** The audit trail's records as the events token-broker publishes. */
public final class AuditEvents {

	/** The {@code producer} of every event this service publishes. */
	public static final String PRODUCER = "token-broker";

	private AuditEvents() {
	}

	public static TokenIssued tokenIssued(TokenIssuance issuance) {
		return TokenIssued.newBuilder()
			.setEventId(issuance.eventId())
			.setOccurredAt(issuance.occurredAt())
			.setCorrelationId(issuance.correlationId())
			.setProducer(PRODUCER)
			.setActorId(issuance.actorId())
			.setTokenId(issuance.tokenId())
			.setTokenSha256(issuance.tokenSha256())
			.setTokenType(issuance.tokenType())
			.setSubjectId(issuance.subjectId())
			.setSubjectType(issuance.subjectType())
			.setContentId(issuance.contentId())
			.setIntegrationId(issuance.integrationId())
			.setScopes(issuance.scopes())
			.setAudience(issuance.audience())
			.setGrantType(issuance.grantType())
			.setIssuedAt(issuance.issuedAt())
			.setExpiresAt(issuance.expiresAt())
			.setFederatedIssuer(issuance.provenance().federatedIssuer())
			.setFederatedSubject(issuance.provenance().federatedSubject())
			.setOnBehalfOfUserId(issuance.provenance().onBehalfOfUserId())
			.setActorChain(issuance.provenance().actorChain())
			.build();
	}

	public static CredentialDenied credentialDenied(CredentialDenial denial) {
		return CredentialDenied.newBuilder()
			.setEventId(denial.eventId())
			.setOccurredAt(denial.occurredAt())
			.setCorrelationId(denial.correlationId())
			.setProducer(PRODUCER)
			.setActorId(denial.actorId())
			.setSubjectId(denial.subjectId())
			.setSubjectType(denial.subjectType())
			.setContentId(denial.contentId())
			.setIntegrationId(denial.integrationId())
			.setRequestedScopes(denial.requestedScopes())
			.setGrantType(denial.grantType())
			.setError(denial.error())
			.setReason(denial.reason())
			.setRepeatCount(denial.repeatCount())
			.setFederatedIssuer(denial.federatedIssuer())
			.setFederatedSubject(denial.federatedSubject())
			.build();
	}

	public static TokenRevoked tokenRevoked(TokenRevocation revocation) {
		return TokenRevoked.newBuilder()
			.setEventId(revocation.eventId())
			.setOccurredAt(revocation.occurredAt())
			.setCorrelationId(revocation.correlationId())
			.setProducer(PRODUCER)
			.setActorId(revocation.actorId())
			.setSubjectId(revocation.subjectId())
			.setSubjectType(revocation.subjectType())
			.setTokenId(revocation.tokenId())
			.setTokenSha256(null)
			.setIntegrationId(revocation.integrationId())
			.setReason(revocation.reason())
			.build();
	}

}
