package dev.lanyard.platform.kafka.consumer;

import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DeadLetterReasonsTest {

	@Test
	void reasonWhenUnreadableValueThenItsMessage() {
		Exception thrown = new ListenerExecutionFailedException("Listener failed",
				new BatchListenerFailedException("Unreadable record: x",
						new DeserializationException("failed to deserialize", new byte[] { 1 }, false,
								new UnreadableRecordException("Not readable")),
						0));
		assertThat(DeadLetterReasons.reason(thrown, Set.of())).isEqualTo("Not readable");
	}

	@Test
	void reasonWhenQuotableTypeThenItsMessage() {
		Exception thrown = new BatchListenerFailedException("Store refused",
				new UnsupportedOperationException("The store refused the event: SQLSTATE 22021"), 0);
		assertThat(DeadLetterReasons.reason(thrown, Set.of(UnsupportedOperationException.class)))
			.isEqualTo("The store refused the event: SQLSTATE 22021");
	}

	@Test
	void reasonWhenUnknownFailureThenTypeOnly() {
		assertThat(DeadLetterReasons.reason(new IllegalStateException("content"), Set.of()))
			.isEqualTo("java.lang.IllegalStateException");
	}

	@Test
	void reasonWhenUnknownNestedFailureThenOuterAndRootTypesOnly() {
		Exception thrown = new IllegalStateException("content", new IllegalArgumentException("more content"));
		assertThat(DeadLetterReasons.reason(thrown, Set.of()))
			.isEqualTo("java.lang.IllegalStateException caused by java.lang.IllegalArgumentException");
	}

	@Test
	void reasonWhenFailureNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> DeadLetterReasons.reason(null, Set.of()))
			.withMessage("failure cannot be null");
	}

}
