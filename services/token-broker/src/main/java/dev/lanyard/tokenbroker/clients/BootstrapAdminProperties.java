package dev.lanyard.tokenbroker.clients;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The administrator client ensured at start-up, so that the admin API can be reached on a
 * fresh installation. Both or neither must be set.
 *
 * @param bootstrapAdminClientId {@code lanyard.token-broker.bootstrap-admin-client-id}
 * @param bootstrapAdminClientSecret
 * {@code lanyard.token-broker.bootstrap-admin-client-secret}
 */
@ConfigurationProperties("lanyard.token-broker")
public record BootstrapAdminProperties(String bootstrapAdminClientId, String bootstrapAdminClientSecret) {

	/**
	 * Below this length a secret is within reach of guessing against its fast hash:
	 * refused.
	 */
	public static final int RECOMMENDED_SECRET_LENGTH = 32;

	public BootstrapAdminProperties {
		boolean id = bootstrapAdminClientId != null && !bootstrapAdminClientId.isBlank();
		boolean secret = bootstrapAdminClientSecret != null && !bootstrapAdminClientSecret.isEmpty();
		if (id != secret) {
			throw new IllegalArgumentException("lanyard.token-broker.bootstrap-admin-client-id and "
					+ "lanyard.token-broker.bootstrap-admin-client-secret must be set together");
		}
		if (secret && bootstrapAdminClientSecret.length() < RECOMMENDED_SECRET_LENGTH) {
			// client secrets are kept as a fast SHA-256: only a long random one resists
			// guessing
			throw new IllegalArgumentException("lanyard.token-broker.bootstrap-admin-client-secret must be at least "
					+ RECOMMENDED_SECRET_LENGTH + " characters (a long random value)");
		}
		if (id && !bootstrapAdminClientId.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,127}")) {
			throw new IllegalArgumentException("lanyard.token-broker.bootstrap-admin-client-id must be 1 to 128 "
					+ "letters, digits, '.', '_' or '-', starting with a letter or digit");
		}
	}

	public boolean enabled() {
		return this.bootstrapAdminClientId != null && !this.bootstrapAdminClientId.isBlank();
	}

	@Override
	public String toString() {
		return "BootstrapAdminProperties[bootstrapAdminClientId=" + this.bootstrapAdminClientId
				+ ", bootstrapAdminClientSecret=<redacted>]";
	}

}
