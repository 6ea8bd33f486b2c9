package dev.lanyard.platform.ids;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The event ids of user-provisioning's answers to a sign-in, derived from the
 * UserLoggedIn's own event id: a redelivered sign-in yields the same answers (stored once
 * by audit), and the gateway, which made that id from a secure random source, knows
 * exactly which UserChanged or UserLoginRefused answers its sign-in — no caller-chosen
 * value (a correlation id) is involved.
 */
public final class SignInAnswers {

	/** The UserChanged of an accepted sign-in. */
	public static final String USER_CHANGED = "user-changed";

	/** The UserLoginRefused of a refused sign-in. */
	public static final String REFUSED = "refused";

	private SignInAnswers() {
	}

	/** The id of the event answering sign-in {@code loginEventId} for {@code purpose}. */
	public static UUID eventId(UUID loginEventId, String purpose) {
		if (loginEventId == null || purpose == null || purpose.isBlank()) {
			throw new IllegalArgumentException("loginEventId and purpose cannot be blank");
		}
		return UUID.nameUUIDFromBytes((loginEventId + "/" + purpose).getBytes(StandardCharsets.UTF_8));
	}

}
