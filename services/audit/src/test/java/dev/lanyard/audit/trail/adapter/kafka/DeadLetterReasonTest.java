package dev.lanyard.audit.trail.adapter.kafka;

import dev.lanyard.audit.trail.application.EventRejectedException;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterReasonTest {

	@Test
	void reasonWhenUnreadableValueThenItsMessage() {
		Exception thrown = new ListenerExecutionFailedException("Listener failed",
				new BatchListenerFailedException("Unreadable record: x",
						new DeserializationException("failed to deserialize", new byte[] { 1 }, false,
								new UnreadableRecordException("Not readable")),
						0));
		assertThat(AuditKafkaConfiguration.reason(thrown)).isEqualTo("Not readable");
	}

	@Test
	void reasonWhenStoreRefusedThenItsMessage() {
		Exception thrown = new BatchListenerFailedException("Audit store refused",
				new EventRejectedException("The audit store refused the event: SQLSTATE 22021", null), 0);
		assertThat(AuditKafkaConfiguration.reason(thrown))
			.isEqualTo("The audit store refused the event: SQLSTATE 22021");
	}

	@Test
	void reasonWhenUnknownFailureThenTypeOnly() {
		assertThat(AuditKafkaConfiguration.reason(new IllegalStateException("content")))
			.isEqualTo("java.lang.IllegalStateException");
	}

}
