package dev.lanyard.tokenbroker.issuance.adapter.kafka;

import java.time.Duration;

import dev.lanyard.events.TokenIssued;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.tokenbroker.issuance.application.AuditTrailUnavailableException;
import dev.lanyard.tokenbroker.issuance.application.IssuanceAuditTrail;
import dev.lanyard.tokenbroker.issuance.domain.TokenIssuance;

import org.springframework.kafka.core.KafkaOperations;

/**
 * Records issuances as {@link TokenIssued} events on {@link Topics#TOKEN_ISSUED}, keyed
 * by the subject id, and waits for Kafka's acknowledgement (the producer runs with
 * {@code acks=all}, see {@link AuditProducerSettings}) for at most the ack timeout,
 * counted from the moment {@link #record} is called.
 */
public final class KafkaIssuanceAuditTrail implements IssuanceAuditTrail {

	/** The {@code producer} of every event this service publishes. */
	public static final String PRODUCER = "token-broker";

	private final KafkaOperations<String, TokenIssued> kafka;

	private final Duration ackTimeout;

	public KafkaIssuanceAuditTrail(KafkaOperations<String, TokenIssued> kafka, Duration ackTimeout) {
		if (kafka == null) {
			throw new IllegalArgumentException("kafka cannot be null");
		}
		if (ackTimeout == null || ackTimeout.isNegative() || ackTimeout.isZero()) {
			throw new IllegalArgumentException("ackTimeout must be positive");
		}
		this.kafka = kafka;
		this.ackTimeout = ackTimeout;
	}

	@Override
	public void record(TokenIssuance issuance) throws AuditTrailUnavailableException {
		if (issuance == null) {
			throw new IllegalArgumentException("issuance cannot be null");
		}
		AcknowledgedSend.send(this.kafka, Topics.TOKEN_ISSUED.name(), issuance.subjectId(), toEvent(issuance),
				this.ackTimeout, "TokenIssued");
	}

	static TokenIssued toEvent(TokenIssuance issuance) {
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
			.build();
	}

}
