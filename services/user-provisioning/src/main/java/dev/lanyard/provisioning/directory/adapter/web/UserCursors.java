package dev.lanyard.provisioning.directory.adapter.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import dev.lanyard.provisioning.shared.application.RequestRejectedException;
import dev.lanyard.provisioning.directory.application.UserStore.UserCursor;

/** The opaque {@code cursor} of a user listing: where the previous page ended. */
final class UserCursors {

	private UserCursors() {
	}

	static String encode(UserCursor cursor) {
		if (cursor == null) {
			return null;
		}
		String plain = cursor.id() + "\n" + cursor.username();
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
	}

	static UserCursor decode(String cursor) {
		if (cursor == null || cursor.isEmpty()) {
			return null;
		}
		try {
			String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			int newline = plain.indexOf('\n');
			return new UserCursor(plain.substring(newline + 1), UUID.fromString(plain.substring(0, newline)));
		}
		catch (RuntimeException ex) {
			throw RequestRejectedException.invalid("cursor", "cursor is not one this API returned");
		}
	}

}
