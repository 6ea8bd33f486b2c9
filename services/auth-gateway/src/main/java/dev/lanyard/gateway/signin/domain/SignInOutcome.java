package dev.lanyard.gateway.signin.domain;

/** How user-provisioning answered a sign-in. */
public sealed interface SignInOutcome {

	/** The user exists now in this state. */
	record Accepted(KnownUser user) implements SignInOutcome {
	}

	/** The sign-in was refused; the message is for the person. */
	record Refused(String reason, String message) implements SignInOutcome {
	}

}
