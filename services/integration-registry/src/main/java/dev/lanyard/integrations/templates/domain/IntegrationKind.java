package dev.lanyard.integrations.templates.domain;

import java.util.Optional;

/**
 * How content gets credentials from an integration: as the person viewing it (OAuth
 * authorization-code grant, once per user, then refresh) or as a fixed machine identity
 * (client-credentials grant).
 */
public enum IntegrationKind {

	VIEWER("viewer"), SERVICE_ACCOUNT("service-account");

	private final String value;

	IntegrationKind(String value) {
		this.value = value;
	}

	/** The name used in the API, the database and events. */
	public String value() {
		return this.value;
	}

	public static Optional<IntegrationKind> of(String value) {
		for (IntegrationKind kind : values()) {
			if (kind.value.equals(value)) {
				return Optional.of(kind);
			}
		}
		return Optional.empty();
	}

}
