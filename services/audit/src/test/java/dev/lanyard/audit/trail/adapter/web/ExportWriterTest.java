package dev.lanyard.audit.trail.adapter.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import dev.lanyard.audit.trail.TestEvents;
import dev.lanyard.audit.trail.domain.AuditEvent;
import dev.lanyard.audit.trail.domain.EventDetails;
import dev.lanyard.audit.trail.domain.StoredEvent;
import dev.lanyard.audit.trail.domain.Subject;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ExportWriterTest {

	private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000001");

	@Test
	void constructorWhenFormatNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ExportWriter(null, new ByteArrayOutputStream()))
			.withMessage("format cannot be null");
	}

	@Test
	void csvCellWhenFormulaStartThenApostrophePrefixed() {
		assertThat(ExportWriter.csvCell("=1+1")).isEqualTo("'=1+1");
		assertThat(ExportWriter.csvCell("+1")).isEqualTo("'+1");
		assertThat(ExportWriter.csvCell("-1")).isEqualTo("'-1");
		assertThat(ExportWriter.csvCell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(ExportWriter.csvCell("plain")).isEqualTo("plain");
	}

	@Test
	void csvCellWhenCommaQuoteOrNewlineThenQuotedPerRfc4180() {
		assertThat(ExportWriter.csvCell("a,b")).isEqualTo("\"a,b\"");
		assertThat(ExportWriter.csvCell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
		assertThat(ExportWriter.csvCell("two\nlines")).isEqualTo("\"two\nlines\"");
	}

	@Test
	void writeWhenCsvThenHeaderThenOneRecordPerEvent() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ExportWriter writer = new ExportWriter(ExportWriter.Format.CSV, out)) {
			writer.header();
			writer.write(membership());
		}
		String[] lines = out.toString(StandardCharsets.UTF_8).split("\r\n");
		assertThat(lines).hasSize(2);
		assertThat(lines[0].split(",")).hasSize(ExportRow.FIELDS.size()).startsWith("time", "time_dt");
		assertThat(lines[1]).startsWith(TestEvents.NOW.toEpochMilli() + "," + TestEvents.NOW + "," + ID + ",corr-5,")
			.contains(",3006,Group Management,3,Add User,1,Success,added,")
			.contains(",g-1,analysts,");
	}

	@Test
	void writeWhenNdjsonThenOcsfPathsNestedAndNullsLeftOut() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ExportWriter writer = new ExportWriter(ExportWriter.Format.NDJSON, out)) {
			writer.header();
			writer.write(membership());
			writer.write(membership());
		}
		String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
		assertThat(lines).hasSize(2);
		JsonNode line = JsonMapper.builder().build().readTree(lines[0]);
		assertThat(line.get("metadata").get("uid").asString()).isEqualTo(ID.toString());
		assertThat(line.get("group").get("name").asString()).isEqualTo("analysts");
		assertThat(line.get("user").get("type").asString()).isEqualTo("user");
		assertThat(line.get("unmapped").get("details").get("change").asString()).isEqualTo("added");
		assertThat(line.has("service")).isFalse();
	}

	private static StoredEvent membership() {
		AuditEvent event = new AuditEvent(ID, "GroupMembershipChanged", TestEvents.NOW, "corr-5", "user-provisioning",
				null, Subject.user("u-1"), null, null, null, null, "g-1", null);
		return new StoredEvent(event, Instant.parse("2026-11-25T10:15:31Z"),
				new EventDetails.GroupMembership("u-1", "g-1", "analysts", "added"));
	}

}
