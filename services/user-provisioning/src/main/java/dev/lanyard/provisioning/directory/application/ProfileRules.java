package dev.lanyard.provisioning.directory.application;

import java.util.regex.Pattern;

import dev.lanyard.provisioning.shared.application.RequestRejectedException;

/** Shape checks on profile values an administrator gives. */
public final class ProfileRules {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

	private static final int MAX_NAME = 255;

	private static final int MAX_EMAIL = 320;

	private ProfileRules() {
	}

	public static void checkEmail(String field, String email) {
		if (email != null && (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches())) {
			throw RequestRejectedException.invalid(field, field + " must be an email address");
		}
	}

	public static void checkName(String field, String name) {
		if (name != null && (name.isBlank() || name.length() > MAX_NAME)) {
			throw RequestRejectedException.invalid(field,
					field + " must be 1 to " + MAX_NAME + " characters and not blank");
		}
	}

}
