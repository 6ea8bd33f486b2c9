package dev.lanyard.platform.kafka.consumer;

import org.junit.jupiter.api.Test;

import dev.lanyard.events.UserSignedOut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RecordReaderTest {

	private static final byte[] RAW = { 0, 1 };

	@Test
	void onlyWhenTheTypeThenReadWithItsBytes() {
		UserSignedOut event = TestEvents.signedOut();
		ReadEvent<UserSignedOut> read = RecordReader.only(UserSignedOut.class).read("t", event, RAW);
		assertThat(read.event()).isSameAs(event);
		assertThat(read.raw()).isSameAs(RAW);
	}

	@Test
	void onlyWhenTypeNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> RecordReader.only(null))
			.withMessage("type cannot be null");
	}

	@Test
	void anyEventWhenReadThenTheEvent() {
		UserSignedOut event = TestEvents.signedOut();
		assertThat(RecordReader.anyEvent().read("t", event, RAW)).isSameAs(event);
	}

	@Test
	void readEventToStringWhenPrintedThenNoFieldValues() {
		assertThat(new ReadEvent<>(TestEvents.signedOut(), RAW)).hasToString("ReadEvent[UserSignedOut, 2 bytes]");
	}

	@Test
	void readEventWhenRawNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ReadEvent<>(TestEvents.signedOut(), null))
			.withMessage("raw cannot be null");
	}

}
