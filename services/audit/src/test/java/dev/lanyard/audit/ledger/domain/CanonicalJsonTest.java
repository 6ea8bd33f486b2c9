package dev.lanyard.audit.ledger.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CanonicalJsonTest {

	@Test
	void canonicalizeWhenJsonbSpellingThenSortedWithoutWhitespace() {
		assertThat(CanonicalJson
			.canonicalize("{\"b\": [1, 2.50, -3e+2], \"a\": {\"z\": null, \"é\": true, \"Z\": false}}"))
			.isEqualTo("{\"a\":{\"Z\":false,\"z\":null,\"é\":true},\"b\":[1,2.50,-3e+2]}");
	}

	@Test
	void canonicalizeWhenEscapesThenOnlyJcsEscapesRemain() {
		assertThat(CanonicalJson.canonicalize("\"\\u0041\\/\\n\\u001f\\\"\\\\\\u20ac\""))
			.isEqualTo("\"A/\\n\\u001f\\\"\\\\€\"");
	}

	@Test
	void canonicalizeWhenKeysOrderedByUtf16ThenAsJcs() {
		// RFC 8785 §3.2.3 sorts by UTF-16 code units: U+1F600 (surrogates D83D…) sorts
		// before U+FB33
		assertThat(CanonicalJson.canonicalize("{\"\uFB33\":1,\"\uD83D\uDE00\":2,\"\u00e9\":3}"))
			.isEqualTo("{\"\u00e9\":3,\"\uD83D\uDE00\":2,\"\uFB33\":1}");
	}

	@Test
	void canonicalizeWhenRepeatedMemberThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.canonicalize("{\"a\":1,\"a\":2}"))
			.withMessage("json repeats member a");
	}

	@Test
	void canonicalizeWhenTrailingContentThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.canonicalize("{} x"));
	}

	@Test
	void leafDataWhenRecordThenVersionedCanonicalLine() {
		LedgerRecord record = new LedgerRecord(UUID.fromString("00000000-0000-0000-0000-000000000001"), "TokenIssued",
				"t", 2, 7, Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-01T10:00:00.123456Z"), "c",
				"token-broker", null, "{\"y\": 1, \"x\": \"line\\nbreak\"}");
		assertThat(new String(record.leafData(), StandardCharsets.UTF_8)).isEqualTo("{\"actorId\":null,"
				+ "\"correlationId\":\"c\",\"eventId\":\"00000000-0000-0000-0000-000000000001\",\"eventType\":\"TokenIssued\","
				+ "\"occurredAt\":\"2026-12-01T10:00:00Z\",\"offset\":7,\"partition\":2,"
				+ "\"payload\":{\"x\":\"line\\nbreak\",\"y\":1},\"producer\":\"token-broker\","
				+ "\"recordedAt\":\"2026-12-01T10:00:00.123456Z\",\"topic\":\"t\",\"v\":1}");
		assertThat(record.leafHash()).isEqualTo(MerkleHashes.leaf(record.leafData()));
	}

}
