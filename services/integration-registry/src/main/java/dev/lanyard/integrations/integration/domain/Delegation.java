package dev.lanyard.integrations.integration.domain;

import java.util.Optional;

/**
 * How a viewer integration's credential is obtained when the user need not connect: by
 * delegating the user's sign-in token at the provider.
 */
public enum Delegation {

	/** RFC 8693 token exchange, the user's upstream token as {@code subject_token}. */
	TOKEN_EXCHANGE("token-exchange"),

	/** Microsoft Entra's on-behalf-of request (jwt-bearer with the user's token). */
	JWT_BEARER_OBO("jwt-bearer-obo");

	private final String value;

	Delegation(String value) {
		this.value = value;
	}

	/** The name used in the API, the database and events. */
	public String value() {
		return this.value;
	}

	public static Optional<Delegation> of(String value) {
		for (Delegation delegation : values()) {
			if (delegation.value.equals(value)) {
				return Optional.of(delegation);
			}
		}
		return Optional.empty();
	}

}
