package dev.lanyard.platform.kafka.consumer;

import java.time.Instant;
import java.util.UUID;

import dev.lanyard.events.UserSignedOut;

/** Small events for the consumer tests. */
final class TestEvents {

	private TestEvents() {
	}

	static UserSignedOut signedOut() {
		return UserSignedOut.newBuilder()
			.setEventId(UUID.fromString("00000000-0000-0000-0000-000000000001"))
			.setOccurredAt(Instant.parse("2026-01-01T00:00:00Z"))
			.setCorrelationId("corr-1")
			.setProducer("auth-gateway")
			.setUserId("u-1")
			.setSessionId("s-1")
			.build();
	}

}
