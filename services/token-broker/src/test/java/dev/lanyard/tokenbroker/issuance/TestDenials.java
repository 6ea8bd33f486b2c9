package dev.lanyard.tokenbroker.issuance;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.lanyard.tokenbroker.issuance.domain.CredentialDenial;

/** Denials for tests. */
public final class TestDenials {

	private TestDenials() {
	}

	public static CredentialDenial notAssociated(String contentId) {
		return new CredentialDenial(UUID.randomUUID(), Instant.parse("2026-11-25T10:00:00Z"), "corr-1", null, contentId,
				"content", contentId, "i-7", List.of("read"), "urn:ietf:params:oauth:grant-type:token-exchange",
				"unauthorized_client", "not-associated");
	}

}
