package dev.lanyard.audit.trail.domain;

import java.util.Set;

/**
 * Whether what an event records succeeded: a refused sign-in and a denied credential are
 * failures; every other event records something that happened. The values are OCSF's
 * {@code status} in lower case.
 */
public final class Outcome {

	public static final String SUCCESS = "success";

	public static final String FAILURE = "failure";

	public static final Set<String> ALL = Set.of(SUCCESS, FAILURE);

	private static final Set<String> FAILURES = Set.of("UserLoginRefused", "CredentialDenied");

	private Outcome() {
	}

	/**
	 * @param eventType an event's record name
	 * @return its outcome
	 */
	public static String of(String eventType) {
		return FAILURES.contains(eventType) ? FAILURE : SUCCESS;
	}

}
