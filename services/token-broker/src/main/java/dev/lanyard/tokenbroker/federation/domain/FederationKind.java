package dev.lanyard.tokenbroker.federation.domain;

/** What an accepted federated token becomes. */
public enum FederationKind {

	/** An ID token of a trusted issuer becomes a Lanyard token for the matched user. */
	OIDC("oidc-federation"),

	/** A workload's signed JWT becomes one content item's content session token. */
	WORKLOAD("workload-federation");

	private final String value;

	FederationKind(String value) {
		this.value = value;
	}

	/** The wire name, as in IntegrationChanged's {@code kind}. */
	public String value() {
		return this.value;
	}

	/** Whether an integration kind names a federation kind. */
	public static boolean isFederation(String kind) {
		return OIDC.value.equals(kind) || WORKLOAD.value.equals(kind);
	}

	public static FederationKind fromValue(String value) {
		for (FederationKind kind : values()) {
			if (kind.value.equals(value)) {
				return kind;
			}
		}
		throw new IllegalArgumentException("kind must be oidc-federation or workload-federation");
	}

}
