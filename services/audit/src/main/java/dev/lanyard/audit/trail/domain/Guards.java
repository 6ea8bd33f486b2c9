package dev.lanyard.audit.trail.domain;

/** Argument checks shared by the domain records. */
final class Guards {

	private Guards() {
	}

	static <T> T notNull(T value, String name) {
		if (value == null) {
			throw new IllegalArgumentException(name + " cannot be null");
		}
		return value;
	}

	static String notBlank(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " cannot be blank");
		}
		return value;
	}

	/** Null stays null (absent); anything else must have content. */
	static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
