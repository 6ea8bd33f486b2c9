package dev.lanyard.tokenbroker.issuance;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.lanyard.tokenbroker.issuance.domain.TokenDigest;
import dev.lanyard.tokenbroker.issuance.domain.TokenIssuance;

/** Issuances for tests. */
public final class TestIssuances {

	private TestIssuances() {
	}

	public static TokenIssuance contentSession(String clientId) {
		Instant issuedAt = Instant.parse("2026-11-25T10:00:00Z");
		return new TokenIssuance(UUID.randomUUID(), issuedAt, "corr-1", "jti-1", TokenDigest.sha256Hex("token"),
				TokenIssuance.CONTENT_SESSION, clientId, "content", clientId, List.of("read"), List.of(clientId),
				"client_credentials", issuedAt, issuedAt.plusSeconds(900));
	}

}
