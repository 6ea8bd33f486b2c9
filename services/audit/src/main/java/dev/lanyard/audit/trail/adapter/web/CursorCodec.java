package dev.lanyard.audit.trail.adapter.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

import dev.lanyard.audit.trail.domain.Position;

/**
 * Turns the sort key of a page's last event into the opaque {@code nextCursor} and back:
 * base64url of {@code v1|<occurredAt ISO-8601>|<eventId>}. Clients must not build or read
 * cursors; the format may change with its version tag.
 */
final class CursorCodec {

	static final String PARAMETER = "cursor";

	private static final String VERSION = "v1";

	private CursorCodec() {
	}

	static String encode(Position position) {
		if (position == null) {
			throw new IllegalArgumentException("position cannot be null");
		}
		String plain = VERSION + "|" + position.occurredAt() + "|" + position.eventId();
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
	}

	static Position decode(String cursor) {
		if (cursor == null || cursor.isBlank()) {
			throw new IllegalArgumentException("cursor cannot be blank");
		}
		String[] parts;
		try {
			parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
		}
		catch (IllegalArgumentException ex) {
			throw invalid();
		}
		if (parts.length != 3 || !VERSION.equals(parts[0])) {
			throw invalid();
		}
		try {
			return new Position(Instant.parse(parts[1]), UUID.fromString(parts[2]));
		}
		catch (DateTimeParseException | IllegalArgumentException ex) {
			throw invalid();
		}
	}

	private static InvalidParameterException invalid() {
		return new InvalidParameterException(PARAMETER,
				"cursor is not one this service issued; pass the nextCursor of the previous page unchanged");
	}

}
