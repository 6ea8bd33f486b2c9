package dev.lanyard.audit.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.junit.jupiter.api.Test;

import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StreamSlotsTest {

	private final StreamSlots slots = new StreamSlots(1);

	@Test
	void streamWhenEverySlotTakenThenRefusedAtOnce() {
		this.slots.stream((out) -> {
		});

		assertThatExceptionOfType(TooManyStreamsException.class).isThrownBy(() -> this.slots.stream((out) -> {
		})).withMessageContaining("At most 1 ");
	}

	@Test
	void streamWhenBodyFailedThenSlotFreed() {
		StreamingResponseBody failing = this.slots.stream((out) -> {
			throw new IOException("client went away");
		});
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> failing.writeTo(new ByteArrayOutputStream()));

		assertThat(this.slots.stream((out) -> {
		})).isNotNull();
	}

	@Test
	void runWhenReadFailedThenSlotFreed() {
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.slots.run(() -> {
			throw new IllegalStateException("store down");
		}));

		assertThat(this.slots.run(() -> "checked")).isEqualTo("checked");
	}

	@Test
	void runWhileStreamHoldsTheSlotThenRefused() {
		this.slots.stream((out) -> {
		});

		assertThatExceptionOfType(TooManyStreamsException.class).isThrownBy(() -> this.slots.run(() -> "checked"));
	}

	@Test
	void constructWhenNoSlotThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new StreamSlots(0)).withMessage("size must be positive");
	}

}
