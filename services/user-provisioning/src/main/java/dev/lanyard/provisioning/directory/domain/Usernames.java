package dev.lanyard.provisioning.directory.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The username rule and how a username is derived from an email address. Valid usernames
 * are 3–64 characters, start with a letter, contain only letters, digits, {@code _} and
 * {@code .}, and are not reserved (compared ignoring case).
 */
public final class Usernames {

	public static final int MIN_LENGTH = 3;

	public static final int MAX_LENGTH = 64;

	/** Names that clash with paths of the platform's web interface. */
	public static final Set<String> RESERVED = Set.of("connect", "apps", "users", "groups", "setpassword",
			"user-completion", "confirm", "recent", "reports", "plots", "unpublished", "settings", "metrics", "tokens",
			"help", "login", "welcome", "register", "resetpassword", "content");

	private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Nd}_.]*");

	private static final Pattern DISALLOWED_CHARACTER = Pattern.compile("[^\\p{L}\\p{Nd}_.]");

	private static final int MAX_SUFFIX = 100_000;

	private Usernames() {
	}

	/**
	 * The rule a username breaks, as a sentence fit to show the person, or empty when it
	 * is valid.
	 */
	public static Optional<String> violation(String username) {
		if (username == null || username.isEmpty()) {
			return Optional.of("A username is required.");
		}
		int length = username.codePointCount(0, username.length());
		if (length < MIN_LENGTH || length > MAX_LENGTH) {
			return Optional.of("The username '" + username + "' is not valid: a username must be " + MIN_LENGTH + " to "
					+ MAX_LENGTH + " characters long.");
		}
		if (!Character.isLetter(username.codePointAt(0))) {
			return Optional.of("The username '" + username + "' is not valid: a username must start with a letter.");
		}
		if (!ALLOWED.matcher(username).matches()) {
			return Optional.of("The username '" + username
					+ "' is not valid: a username may contain only letters, digits, '_' and '.'.");
		}
		if (RESERVED.contains(username.toLowerCase(Locale.ROOT))) {
			return Optional.of("The username '" + username + "' is not valid: it is a reserved name.");
		}
		return Optional.empty();
	}

	public static boolean isValid(String username) {
		return violation(username).isEmpty();
	}

	/**
	 * A valid username derived from an email address's local part (before any {@code +}
	 * tag) and made unique by appending digits, or empty when there is no email address.
	 * @param email the email address, may be {@code null}
	 * @param taken whether a candidate is already used by someone else
	 */
	public static Optional<String> derive(String email, Predicate<String> taken) {
		if (taken == null) {
			throw new IllegalArgumentException("taken cannot be null");
		}
		String base = sanitize(email);
		if (base == null) {
			return Optional.empty();
		}
		if (isValid(base) && !taken.test(base)) {
			return Optional.of(base);
		}
		for (int suffix = 1; suffix < MAX_SUFFIX; suffix++) {
			String candidate = withSuffix(base, suffix);
			if (isValid(candidate) && !taken.test(candidate)) {
				return Optional.of(candidate);
			}
		}
		throw new IllegalStateException("No free username derived from " + base);
	}

	/**
	 * The local part of an email address made to fit the rule as far as characters go:
	 * disallowed characters become {@code _}, leading non-letters are dropped, and it is
	 * cut to leave room for a numeric suffix. {@code null} when nothing usable remains.
	 */
	static String sanitize(String email) {
		if (email == null) {
			return null;
		}
		String local = email.strip();
		int at = local.lastIndexOf('@');
		if (at >= 0) {
			local = local.substring(0, at);
		}
		int tag = local.indexOf('+');
		if (tag >= 0) {
			local = local.substring(0, tag);
		}
		local = DISALLOWED_CHARACTER.matcher(local).replaceAll("_");
		int start = 0;
		while (start < local.length() && !Character.isLetter(local.charAt(start))) {
			start++;
		}
		local = local.substring(start);
		if (local.isEmpty()) {
			return null;
		}
		int room = MAX_LENGTH - String.valueOf(MAX_SUFFIX).length();
		return (local.length() > room) ? local.substring(0, room) : local;
	}

	/** Appends digits, zero-padded when the base alone is too short to be valid. */
	static String withSuffix(String base, int suffix) {
		String digits = String.valueOf(suffix);
		int missing = MIN_LENGTH - base.length() - digits.length();
		return base + "0".repeat(Math.max(0, missing)) + digits;
	}

}
