package dev.lanyard.provisioning.signin.adapter.kafka;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import dev.lanyard.events.UserLoggedIn;
import dev.lanyard.provisioning.signin.application.SignInAttempt;
import dev.lanyard.provisioning.directory.domain.ProfileField;

/** Maps a UserLoggedIn event to the sign-in command. */
final class SignInAttempts {

	private SignInAttempts() {
	}

	static SignInAttempt of(UserLoggedIn event) {
		return new SignInAttempt(event.getEventId(), event.getProvider(), event.getIssuer(), event.getUniqueId(),
				event.getUsername(), event.getEmail(), event.getFirstName(), event.getLastName(), event.getGroups(),
				event.getRoleClaim(), event.getSessionId(), event.getCorrelationId(), claimedFields(event),
				event.getRegisterOnFirstLogin());
	}

	/** Names this service does not know are ignored: they cannot be refreshed anyway. */
	private static Set<ProfileField> claimedFields(UserLoggedIn event) {
		if (event.getClaimedFields() == null) {
			return null;
		}
		Set<ProfileField> fields = EnumSet.noneOf(ProfileField.class);
		for (String name : event.getClaimedFields()) {
			Optional<ProfileField> field = ProfileField.of(name);
			field.ifPresent(fields::add);
		}
		return fields;
	}

}
