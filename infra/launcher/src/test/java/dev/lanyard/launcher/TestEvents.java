package dev.lanyard.launcher;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import dev.lanyard.events.TokenIssued;

/** Events for tests. */
final class TestEvents {

	private TestEvents() {
	}

	static TokenIssued tokenIssued(String subjectId) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		return TokenIssued.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOccurredAt(now)
			.setCorrelationId("corr-" + UUID.randomUUID())
			.setProducer("launcher-test")
			.setTokenId("jti-1")
			.setTokenSha256("0".repeat(64))
			.setTokenType("content-session")
			.setSubjectId(subjectId)
			.setSubjectType("content")
			.setScopes(List.of("read"))
			.setAudience(List.of(subjectId))
			.setGrantType("client_credentials")
			.setIssuedAt(now)
			.setExpiresAt(now.plusSeconds(900))
			.build();
	}

}
