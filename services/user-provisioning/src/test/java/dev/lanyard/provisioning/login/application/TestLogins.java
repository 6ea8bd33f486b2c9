package dev.lanyard.provisioning.login.application;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.lanyard.provisioning.users.domain.ProfileField;

/** Sign-ins the way the gateway sends them. */
final class TestLogins {

	static final String ISSUER = "https://idp.example.com";

	private TestLogins() {
	}

	static LoginAttempt okta(String uniqueId, String username, List<String> groups) {
		return new LoginAttempt(UUID.randomUUID(), "okta", ISSUER, uniqueId, username, username + "@example.com", "Ada",
				"Lovelace", groups, null, "session-1", "corr-" + UUID.randomUUID(), null, null);
	}

	static LoginAttempt google(String uniqueId, String email) {
		return new LoginAttempt(UUID.randomUUID(), "google", ISSUER, uniqueId, null, email, "Grace", "Hopper", null,
				null, "session-2", "corr-" + UUID.randomUUID(),
				Set.of(ProfileField.EMAIL, ProfileField.FIRST_NAME, ProfileField.LAST_NAME), null);
	}

	static LoginAttempt withRoleClaim(LoginAttempt login, List<String> roleClaim) {
		return new LoginAttempt(UUID.randomUUID(), login.provider(), login.issuer(), login.uniqueId(), login.username(),
				login.email(), login.firstName(), login.lastName(), login.groups(), roleClaim, login.sessionId(),
				login.correlationId(), login.claimedFields(), login.registerOnFirstLogin());
	}

	static LoginAttempt withGroups(LoginAttempt login, List<String> groups) {
		return new LoginAttempt(UUID.randomUUID(), login.provider(), login.issuer(), login.uniqueId(), login.username(),
				login.email(), login.firstName(), login.lastName(), groups, login.roleClaim(), login.sessionId(),
				login.correlationId(), login.claimedFields(), login.registerOnFirstLogin());
	}

	static LoginAttempt withProfile(LoginAttempt login, String username, String email, String firstName,
			Set<ProfileField> claimed) {
		return new LoginAttempt(UUID.randomUUID(), login.provider(), login.issuer(), login.uniqueId(), username, email,
				firstName, login.lastName(), login.groups(), login.roleClaim(), login.sessionId(),
				login.correlationId(), claimed, login.registerOnFirstLogin());
	}

	static LoginAttempt withRegistration(LoginAttempt login, Boolean registerOnFirstLogin) {
		return new LoginAttempt(UUID.randomUUID(), login.provider(), login.issuer(), login.uniqueId(), login.username(),
				login.email(), login.firstName(), login.lastName(), login.groups(), login.roleClaim(),
				login.sessionId(), login.correlationId(), login.claimedFields(), registerOnFirstLogin);
	}

}
