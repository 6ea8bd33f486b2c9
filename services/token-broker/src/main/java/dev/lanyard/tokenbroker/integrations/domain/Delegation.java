package dev.lanyard.tokenbroker.integrations.domain;

/**
 * How a viewer integration's external token is obtained when the user does not connect
 * it: by delegation at the provider, from the user's upstream sign-in token.
 */
public enum Delegation {

	/** RFC 8693 token exchange, the upstream token as {@code subject_token}. */
	TOKEN_EXCHANGE("token-exchange"),

	/**
	 * Microsoft Entra's on-behalf-of request: the JWT-bearer grant (RFC 7523) with the
	 * upstream token as {@code assertion} and {@code requested_token_use=on_behalf_of}.
	 */
	JWT_BEARER_OBO("jwt-bearer-obo");

	private final String value;

	Delegation(String value) {
		this.value = value;
	}

	/** The wire name, as in IntegrationChanged's {@code delegation}. */
	public String value() {
		return this.value;
	}

	/** The mode named, or {@code null} for none (the user connects once). */
	public static Delegation fromValue(String value) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		for (Delegation delegation : values()) {
			if (delegation.value.equals(value)) {
				return delegation;
			}
		}
		throw new IllegalArgumentException("delegation must be token-exchange or jwt-bearer-obo");
	}

}
