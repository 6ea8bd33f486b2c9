package dev.lanyard.tokenbroker.issuance.adapter.kafka;

import java.time.Duration;

import dev.lanyard.events.TokenRevoked;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.tokenbroker.issuance.application.AuditTrailUnavailableException;
import dev.lanyard.tokenbroker.issuance.application.RevocationRecorder;
import dev.lanyard.tokenbroker.issuance.domain.TokenRevocation;

import org.springframework.kafka.core.KafkaOperations;

/**
 * Records revocations as {@link TokenRevoked} events on {@link Topics#TOKEN_REVOKED},
 * keyed by the subject id, and waits for Kafka's acknowledgement ({@code acks=all}) for
 * at most the ack timeout. Its producer keeps delivering after that (see
 * {@link AuditProducerSettings#forLateDelivery}).
 */
public final class KafkaRevocationRecorder implements RevocationRecorder {

	private final KafkaOperations<String, TokenRevoked> kafka;

	private final Duration ackTimeout;

	public KafkaRevocationRecorder(KafkaOperations<String, TokenRevoked> kafka, Duration ackTimeout) {
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
	public void record(TokenRevocation revocation) throws AuditTrailUnavailableException {
		if (revocation == null) {
			throw new IllegalArgumentException("revocation cannot be null");
		}
		AcknowledgedSend.send(this.kafka, Topics.TOKEN_REVOKED.name(), revocation.subjectId(), toEvent(revocation),
				this.ackTimeout, "TokenRevoked");
	}

	static TokenRevoked toEvent(TokenRevocation revocation) {
		return TokenRevoked.newBuilder()
			.setEventId(revocation.eventId())
			.setOccurredAt(revocation.occurredAt())
			.setCorrelationId(revocation.correlationId())
			.setProducer(KafkaIssuanceAuditTrail.PRODUCER)
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
