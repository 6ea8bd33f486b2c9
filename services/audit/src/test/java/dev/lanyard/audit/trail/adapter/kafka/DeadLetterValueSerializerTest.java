package dev.lanyard.audit.trail.adapter.kafka;

import java.util.UUID;

import dev.lanyard.audit.trail.TestEvents;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DeadLetterValueSerializerTest {

	private final DeadLetterValueSerializer serializer = new DeadLetterValueSerializer();

	@Test
	void serializeWhenBytesThenSameBytes() {
		byte[] bytes = { 1, 2, 3 };
		assertThat(this.serializer.serialize("t", bytes)).isSameAs(bytes);
	}

	@Test
	void serializeWhenDecodedEventThenItsRawBytes() {
		byte[] raw = { 0, 9 };
		DecodedEvent decoded = new DecodedEvent(TestEvents.auditEvent(UUID.randomUUID(), TestEvents.NOW), "{}", raw);
		assertThat(this.serializer.serialize("t", decoded)).isSameAs(raw);
	}

	@Test
	void serializeWhenNullThenNull() {
		assertThat(this.serializer.serialize("t", null)).isNull();
	}

	@Test
	void serializeWhenOtherTypeThenThrows() {
		assertThatExceptionOfType(SerializationException.class).isThrownBy(() -> this.serializer.serialize("t", 42))
			.withMessageContaining("java.lang.Integer");
	}

}
