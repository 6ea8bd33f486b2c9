package dev.lanyard.platform.kafka.consumer;

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
	void serializeWhenRawValueThenItsRawBytes() {
		byte[] raw = { 0, 9 };
		assertThat(this.serializer.serialize("t", new ReadEvent<>(TestEvents.signedOut(), raw))).isSameAs(raw);
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
