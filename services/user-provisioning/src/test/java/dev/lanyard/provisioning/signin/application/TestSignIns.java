package dev.lanyard.provisioning.signin.application;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.lanyard.provisioning.directory.domain.ProfileField;

/** Sign-ins the way the gateway sends them. */
final class TestSignIns {

	static final String ISSUER = "https://idp.example.com";

	private TestSignIns() {
	}

	static SignInAttempt okta(String uniqueId, String username, List<String> groups) {
		return new SignInAttempt(UUID.randomUUID(), "okta", ISSUER, uniqueId, username, username + "@example.com",
				"Ada", "Lovelace", groups, null, "session-1", "corr-" + UUID.randomUUID(), null, null);
	}

	static SignInAttempt google(String uniqueId, String email) {
		return new SignInAttempt(UUID.randomUUID(), "google", ISSUER, uniqueId, null, email, "Grace", "Hopper", null,
				null, "session-2", "corr-" + UUID.randomUUID(),
				Set.of(ProfileField.EMAIL, ProfileField.FIRST_NAME, ProfileField.LAST_NAME), null);
	}

	static SignInAttempt withRoleClaim(SignInAttempt login, List<String> roleClaim) {
		return new SignInAttempt(UUID.randomUUID(), login.provider(), login.issuer(), login.uniqueId(),
				login.username(), login.email(), login.firstName(), login.lastName(), login.groups(), roleClaim,
				login.sessionId(), login.correlationId(), login.claimedFields(), login.registerOnFirstLogin());
	}

	static SignInAttempt withGroups(SignInAttempt login, List<String> groups) {
		return new SignInAttempt(UUID.randomUUID(), login.provider(), login.issuer(), login.uniqueId(),
				login.username(), login.email(), login.firstName(), login.lastName(), groups, login.roleClaim(),
				login.sessionId(), login.correlationId(), login.claimedFields(), login.registerOnFirstLogin());
	}

	static SignInAttempt withProfile(SignInAttempt login, String username, String email, String firstName,
			Set<ProfileField> claimed) {
		return new SignInAttempt(UUID.randomUUID(), login.provider(), login.issuer(), login.uniqueId(), username, email,
				firstName, login.lastName(), login.groups(), login.roleClaim(), login.sessionId(),
				login.correlationId(), claimed, login.registerOnFirstLogin());
	}

	static SignInAttempt withRegistration(SignInAttempt login, Boolean registerOnFirstLogin) {
		return new SignInAttempt(UUID.randomUUID(), login.provider(), login.issuer(), login.uniqueId(),
				login.username(), login.email(), login.firstName(), login.lastName(), login.groups(), login.roleClaim(),
				login.sessionId(), login.correlationId(), login.claimedFields(), registerOnFirstLogin);
	}

}
