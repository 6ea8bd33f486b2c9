package dev.lanyard.integrations.templates.domain;

import java.util.Optional;

/**
 * What an integration is for. The OAuth kinds say how content gets credentials from an
 * external service: as the person viewing it (authorization code once per user, or
 * delegation of the user's sign-in token) or as a fixed machine identity (client
 * credentials). The federation kinds point the other way: JWTs that a trusted issuer
 * signs become Lanyard identities, a user's ({@code oidc-federation}) or one content
 * item's ({@code workload-federation}).
 */
public enum IntegrationKind {

	VIEWER("viewer"), SERVICE_ACCOUNT("service-account"), OIDC_FEDERATION("oidc-federation"),
	WORKLOAD_FEDERATION("workload-federation");

	private final String value;

	IntegrationKind(String value) {
		this.value = value;
	}

	/** The name used in the API, the database and events. */
	public String value() {
		return this.value;
	}

	/**
	 * Whether it trusts an issuer's JWTs instead of calling an external token endpoint.
	 */
	public boolean isFederation() {
		return this == OIDC_FEDERATION || this == WORKLOAD_FEDERATION;
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
