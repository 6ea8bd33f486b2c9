package dev.lanyard.tokenbroker.integrations.domain;

/** How an integration gets its external tokens. */
public enum IntegrationKind {

	/** As the person viewing the content: authorization code once, then refresh. */
	VIEWER("viewer"),

	/** As a fixed machine identity: the client-credentials grant. */
	SERVICE_ACCOUNT("service-account");

	private final String value;

	IntegrationKind(String value) {
		this.value = value;
	}

	/** The wire name, as in IntegrationChanged. */
	public String value() {
		return this.value;
	}

	public static IntegrationKind fromValue(String value) {
		for (IntegrationKind kind : values()) {
			if (kind.value.equals(value)) {
				return kind;
			}
		}
		throw new IllegalArgumentException("kind must be viewer or service-account");
	}

}
