package dev.lanyard.audit.trail.adapter.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import dev.lanyard.audit.trail.domain.Position;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CursorCodecTest {

	private static final Position POSITION = new Position(Instant.parse("2026-11-25T10:15:30.123Z"),
			UUID.fromString("0b6b3f0e-8f5c-4a43-9d0e-2f1a7c3e9b11"));

	@Test
	void encodeWhenDecodedThenSamePosition() {
		assertThat(CursorCodec.decode(CursorCodec.encode(POSITION))).isEqualTo(POSITION);
	}

	@Test
	void encodeWhenCalledThenUrlSafeWithoutPadding() {
		assertThat(CursorCodec.encode(POSITION)).matches("[A-Za-z0-9_-]+");
	}

	@Test
	void encodeWhenPositionNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> CursorCodec.encode(null))
			.withMessage("position cannot be null");
	}

	@Test
	void decodeWhenNotBase64ThenInvalidCursorParameter() {
		assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(() -> CursorCodec.decode("***"))
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("cursor"));
	}

	@Test
	void decodeWhenOtherVersionThenInvalidCursorParameter() {
		String cursor = encoded("v2|2026-11-25T10:15:30Z|" + POSITION.eventId());
		assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(() -> CursorCodec.decode(cursor))
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("cursor"));
	}

	@Test
	void decodeWhenInstantMalformedThenInvalidCursorParameter() {
		String cursor = encoded("v1|yesterday|" + POSITION.eventId());
		assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(() -> CursorCodec.decode(cursor));
	}

	@Test
	void decodeWhenEventIdMalformedThenInvalidCursorParameter() {
		String cursor = encoded("v1|2026-11-25T10:15:30Z|not-a-uuid");
		assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(() -> CursorCodec.decode(cursor));
	}

	@Test
	void decodeWhenTooManyPartsThenInvalidCursorParameter() {
		String cursor = encoded("v1|2026-11-25T10:15:30Z|" + POSITION.eventId() + "|x");
		assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(() -> CursorCodec.decode(cursor));
	}

	private static String encoded(String plain) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
	}

}
