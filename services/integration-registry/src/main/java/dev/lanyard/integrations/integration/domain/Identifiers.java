package dev.lanyard.integrations.integration.domain;

import java.util.regex.Pattern;

/** The shape of ids other services own: content ids and group ids. */
public final class Identifiers {

	private static final Pattern CONTENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}");

	private static final Pattern GROUP_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,63}");

	private Identifiers() {
	}

	/** The content id when well formed (1-128 of letters, digits, {@code ._:@-}). */
	public static String contentId(String value) {
		if (value == null || !CONTENT_ID.matcher(value).matches()) {
			throw new InvalidFieldException("contentId",
					"must be 1 to 128 letters, digits or . _ : @ -, starting with a letter or digit");
		}
		return value;
	}

	/** The group id when well formed (1-64 of letters, digits, {@code ._:@-}). */
	public static String groupId(String value) {
		if (value == null || !GROUP_ID.matcher(value).matches()) {
			throw new InvalidFieldException("allowedGroupIds",
					"each must be 1 to 64 letters, digits or . _ : @ -, starting with a letter or digit");
		}
		return value;
	}

}
