package dev.lanyard.tokenbroker.issuance.adapter.kafka;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.lanyard.events.CredentialDenied;
import dev.lanyard.events.TokenIssued;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.platform.kafka.producer.ProducerWarmUp.Sample;

/** Events the audit producers' warm-up serializes (never sends). */
public final class WarmUpSamples {

	private static final UUID EVENT_ID = new UUID(0, 0);

	private static final Instant AT = Instant.EPOCH;

	private WarmUpSamples() {
	}

	public static Sample<TokenIssued> tokenIssued() {
		return new Sample<>(Topics.TOKEN_ISSUED,
				TokenIssued.newBuilder()
					.setEventId(EVENT_ID)
					.setOccurredAt(AT)
					.setCorrelationId("warm-up")
					.setProducer(AuditEvents.PRODUCER)
					.setTokenId("warm-up")
					.setTokenSha256("0".repeat(64))
					.setTokenType("content-session")
					.setSubjectId("warm-up")
					.setSubjectType("content")
					.setScopes(List.of())
					.setAudience(List.of())
					.setGrantType("client_credentials")
					.setIssuedAt(AT)
					.setExpiresAt(AT.plusSeconds(1))
					.build());
	}

	public static Sample<CredentialDenied> credentialDenied() {
		return new Sample<>(Topics.CREDENTIAL_DENIED,
				CredentialDenied.newBuilder()
					.setEventId(EVENT_ID)
					.setOccurredAt(AT)
					.setCorrelationId("warm-up")
					.setProducer(AuditEvents.PRODUCER)
					.setSubjectId("warm-up")
					.setSubjectType("content")
					.setRequestedScopes(List.of())
					.setGrantType("warm-up")
					.setError("warm-up")
					.setReason("warm-up")
					.build());
	}

}
