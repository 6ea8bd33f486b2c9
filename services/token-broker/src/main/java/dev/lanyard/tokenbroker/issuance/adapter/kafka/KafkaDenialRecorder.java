package dev.lanyard.tokenbroker.issuance.adapter.kafka;

import java.time.Duration;

import dev.lanyard.events.CredentialDenied;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.tokenbroker.issuance.application.AuditTrailUnavailableException;
import dev.lanyard.tokenbroker.issuance.application.DenialRecorder;
import dev.lanyard.tokenbroker.issuance.domain.CredentialDenial;

import org.springframework.kafka.core.KafkaOperations;

/**
 * Records denials as {@link CredentialDenied} events on {@link Topics#CREDENTIAL_DENIED},
 * keyed by the subject id, and waits for Kafka's acknowledgement ({@code acks=all}) for
 * at most the ack timeout. Its producer keeps delivering after that (see
 * {@link AuditProducerSettings#forLateDelivery}): a late denial record is still true.
 */
public final class KafkaDenialRecorder implements DenialRecorder {

	private final KafkaOperations<String, CredentialDenied> kafka;

	private final Duration ackTimeout;

	public KafkaDenialRecorder(KafkaOperations<String, CredentialDenied> kafka, Duration ackTimeout) {
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
	public void record(CredentialDenial denial) throws AuditTrailUnavailableException {
		if (denial == null) {
			throw new IllegalArgumentException("denial cannot be null");
		}
		AcknowledgedSend.send(this.kafka, Topics.CREDENTIAL_DENIED.name(), denial.subjectId(), toEvent(denial),
				this.ackTimeout, "CredentialDenied");
	}

	static CredentialDenied toEvent(CredentialDenial denial) {
		return CredentialDenied.newBuilder()
			.setEventId(denial.eventId())
			.setOccurredAt(denial.occurredAt())
			.setCorrelationId(denial.correlationId())
			.setProducer(KafkaIssuanceAuditTrail.PRODUCER)
			.setActorId(denial.actorId())
			.setSubjectId(denial.subjectId())
			.setSubjectType(denial.subjectType())
			.setContentId(denial.contentId())
			.setIntegrationId(denial.integrationId())
			.setRequestedScopes(denial.requestedScopes())
			.setGrantType(denial.grantType())
			.setError(denial.error())
			.setReason(denial.reason())
			.build();
	}

}
