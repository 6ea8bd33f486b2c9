package dev.lanyard.audit.ledger.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerRecordTest {

	private static final QueryColumns COLUMNS = new QueryColumns("ada", "user", null, "github", "user-external",
			"jti-1", "ab12", "token-exchange", List.of("repo"), List.of("https://api.github.com"),
			Instant.parse("2026-12-01T11:00:00Z"), "ada", null, "success");

	@Test
	void leafDataWhenQueryColumnsThenFormatTwoCoversEachOfThem() {
		String leaf = new String(record(COLUMNS).leafData(), StandardCharsets.UTF_8);

		assertThat(leaf).contains("\"v\":2")
			.contains("\"columns\":{\"audience\":[\"https://api.github.com\"],\"contentId\":null,"
					+ "\"expiresAt\":\"2026-12-01T11:00:00Z\",\"grantType\":\"token-exchange\",\"groupId\":null,"
					+ "\"integrationId\":\"github\",\"outcome\":\"success\",\"scopes\":[\"repo\"],\"subjectId\":\"ada\","
					+ "\"subjectType\":\"user\",\"tokenId\":\"jti-1\",\"tokenSha256\":\"ab12\","
					+ "\"tokenType\":\"user-external\",\"userId\":\"ada\"}");
	}

	@Test
	void leafHashWhenOneQueryColumnDiffersThenDiffers() {
		QueryColumns moved = new QueryColumns("someone-else", "user", null, "github", "user-external", "jti-1", "ab12",
				"token-exchange", List.of("repo"), List.of("https://api.github.com"),
				Instant.parse("2026-12-01T11:00:00Z"), "someone-else", null, "success");

		assertThat(record(moved).leafHash()).isNotEqualTo(record(COLUMNS).leafHash());
	}

	@Test
	void formatWhenNoQueryColumnsThenOneAndLeafWithoutThem() {
		LedgerRecord first = record(null);

		assertThat(first.format()).isEqualTo(LedgerRecord.FORMAT_WITHOUT_COLUMNS);
		assertThat(new String(first.leafData(), StandardCharsets.UTF_8)).contains("\"v\":1").doesNotContain("columns");
	}

	private static LedgerRecord record(QueryColumns columns) {
		return new LedgerRecord(UUID.fromString("00000000-0000-0000-0000-000000000001"), "TokenIssued", "t", 0, 1,
				Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-01T10:00:00.5Z"), "c", "token-broker",
				null, "{\"tokenId\": \"jti-1\"}", columns);
	}

}
