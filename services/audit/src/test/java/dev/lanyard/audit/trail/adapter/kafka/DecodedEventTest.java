package dev.lanyard.audit.trail.adapter.kafka;

import java.util.UUID;

import dev.lanyard.audit.trail.TestEvents;
import dev.lanyard.platform.kafka.consumer.DeadLetterValueSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DecodedEventTest {

	@Test
	void deadLetterWhenStoreRefusedTheEventThenItsRawBytes() {
		byte[] raw = { 0, 9 };
		DecodedEvent decoded = new DecodedEvent(TestEvents.auditEvent(UUID.randomUUID(), TestEvents.NOW), "{}", raw);
		assertThat(new DeadLetterValueSerializer().serialize("t", decoded)).isSameAs(raw);
	}

}
