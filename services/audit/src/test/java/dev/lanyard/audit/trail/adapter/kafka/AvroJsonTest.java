package dev.lanyard.audit.trail.adapter.kafka;

import java.util.List;
import java.util.Map;

import dev.lanyard.audit.trail.TestEvents;
import dev.lanyard.events.TokenIssued;
import dev.lanyard.platform.kafka.consumer.UnreadableRecordException;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AvroJsonTest {

	@Test
	void toJsonWhenTokenIssuedThenPlainFieldsInSchemaOrder() {
		TokenIssued issued = TestEvents.tokenIssued().build();
		String json = AvroJson.toJson(issued);
		Map<String, Object> map = JsonMapper.builder()
			.build()
			.readValue(json, new TypeReference<Map<String, Object>>() {
			});
		assertThat(map.keySet()).containsExactly("eventId", "occurredAt", "correlationId", "producer", "actorId",
				"tokenId", "tokenSha256", "tokenType", "subjectId", "subjectType", "contentId", "integrationId",
				"scopes", "audience", "grantType", "issuedAt", "expiresAt", "federatedIssuer", "federatedSubject",
				"onBehalfOfUserId", "actorChain");
		assertThat(map.get("eventId")).isEqualTo(issued.getEventId().toString());
		assertThat(map.get("occurredAt")).isEqualTo("2026-11-25T10:15:30.123Z");
		assertThat(map.get("actorId")).isNull();
		assertThat(map.get("scopes")).isEqualTo(List.of("read", "write"));
	}

	@Test
	void toJsonWhenStringHoldsNulThenUnreadableNamingFieldOnly() {
		TokenIssued issued = TestEvents.tokenIssued().setCorrelationId("abc\u0000def").build();
		assertThatExceptionOfType(UnreadableRecordException.class).isThrownBy(() -> AvroJson.toJson(issued))
			.withMessage("Field correlationId contains a NUL character, which cannot be stored");
	}

	@Test
	void toJsonWhenListItemHoldsNulThenUnreadableNamingList() {
		TokenIssued issued = TestEvents.tokenIssued().setScopes(List.of("ok", "bad\u0000")).build();
		assertThatExceptionOfType(UnreadableRecordException.class).isThrownBy(() -> AvroJson.toJson(issued))
			.withMessage("Field scopes[] contains a NUL character, which cannot be stored");
	}

}
