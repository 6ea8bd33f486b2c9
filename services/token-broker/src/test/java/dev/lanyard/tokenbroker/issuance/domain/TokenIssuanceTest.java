package dev.lanyard.tokenbroker.issuance.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TokenIssuanceTest {

	private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");

	private static final String SHA = TokenDigest.sha256Hex("token");

	@Test
	void sha256HexWhenTokenThenLowerCaseHex() {
		assertThat(TokenDigest.sha256Hex("abc"))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

	@Test
	void sha256HexWhenEmptyThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> TokenDigest.sha256Hex(""))
			.withMessage("tokenValue cannot be empty");
	}

	@Test
	void constructorWhenEventIdNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TokenIssuance(null, AT, "c", "j", SHA, "t", "s", "content", null, List.of(),
					List.of(), "g", AT, AT.plusSeconds(1)))
			.withMessage("eventId cannot be null");
	}

	@Test
	void constructorWhenDigestNotHexThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TokenIssuance(UUID.randomUUID(), AT, "c", "j", "TOKEN", "t", "s", "content", null,
					List.of(), List.of(), "g", AT, AT.plusSeconds(1)))
			.withMessage("tokenSha256 must be 64 lower-case hex digits");
	}

	@Test
	void constructorWhenCorrelationIdBlankThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TokenIssuance(UUID.randomUUID(), AT, " ", "j", SHA, "t", "s", "content", null,
					List.of(), List.of(), "g", AT, AT.plusSeconds(1)))
			.withMessage("correlationId cannot be blank");
	}

	@Test
	void constructorWhenExpiresBeforeIssuedThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TokenIssuance(UUID.randomUUID(), AT, "c", "j", SHA, "t", "s", "content", null,
					List.of(), List.of(), "g", AT, AT))
			.withMessage("expiresAt must be after issuedAt");
	}

	@Test
	void constructorWhenScopesNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TokenIssuance(UUID.randomUUID(), AT, "c", "j", SHA, "t", "s", "content", null, null,
					List.of(), "g", AT, AT.plusSeconds(1)))
			.withMessage("scopes cannot be null");
	}

}
