package dev.lanyard.audit.trail.adapter.kafka;

import dev.lanyard.audit.trail.TestEvents;
import dev.lanyard.events.TokenIssued;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.platform.kafka.consumer.UnreadableRecordException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AuditRecordReaderTest {

	private static final String TOPIC = Topics.TOKEN_ISSUED.name();

	private static final byte[] BYTES = { 0, 0, 0, 0, 7, 1, 2, 3 };

	private final AuditRecordReader reader = new AuditRecordReader(new AvroEventMapper(Topics.ALL));

	@Test
	void constructorWhenMapperNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AuditRecordReader(null))
			.withMessage("mapper cannot be null");
	}

	@Test
	void readWhenTokenIssuedThenMappedWithJsonAndRawBytes() {
		TokenIssued issued = TestEvents.tokenIssued().build();
		DecodedEvent decoded = this.reader.read(TOPIC, issued, BYTES);
		assertThat(decoded.event().eventId()).isEqualTo(issued.getEventId());
		assertThat(decoded.payloadJson()).contains("\"tokenId\":\"jti-1\"");
		assertThat(decoded.raw()).isEqualTo(BYTES);
	}

	@Test
	void readWhenWrongRecordTypeThenUnreadable() {
		assertThatExceptionOfType(UnreadableRecordException.class)
			.isThrownBy(() -> this.reader.read(TOPIC, TestEvents.userChanged().build(), BYTES))
			.withMessageStartingWith("Expected TokenIssued");
	}

}
