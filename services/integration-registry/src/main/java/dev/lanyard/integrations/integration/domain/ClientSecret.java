package dev.lanyard.integrations.integration.domain;

/**
 * An integration's client secret in the clear: only ever in memory, on its way to being
 * encrypted or to token-broker. Its {@code toString} never shows the value.
 *
 * @param value the secret
 */
public record ClientSecret(String value) {

	/** Longest secret accepted, in characters. */
	public static final int MAX_LENGTH = 4096;

	public ClientSecret {
		if (value == null || value.isEmpty()) {
			throw new InvalidFieldException("clientSecret", "is required");
		}
		if (value.length() > MAX_LENGTH) {
			throw new InvalidFieldException("clientSecret", "must be at most " + MAX_LENGTH + " characters");
		}
		if (value.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidFieldException("clientSecret", "must not contain control characters");
		}
	}

	@Override
	public String toString() {
		return "ClientSecret[<redacted>]";
	}

}
