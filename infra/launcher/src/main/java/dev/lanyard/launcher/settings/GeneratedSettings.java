package dev.lanyard.launcher.settings;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

import org.apache.kafka.common.Uuid;

/**
 * Settings the launcher generates once and keeps in {@code settings.properties} of the
 * state folder (mode 600): the Kafka cluster id, the bootstrap administrator's client
 * secret, the gateway's client secret and token-broker's key-encryption key.
 *
 * @param kafkaClusterId the id the local broker's storage is formatted with
 * @param adminClientSecret secret of token-broker's bootstrap administrator client
 * @param gatewayClientSecret secret of auth-gateway's client at token-broker (the one
 * client that may ask for user session tokens, configured in token-broker's settings)
 * @param tokenBrokerKeyEncryptionKey 32 random bytes, URL-safe Base64: seals
 * token-broker's signing keys, refresh tokens and PKCE verifiers in its database (lose it
 * and those cannot be opened)
 */
public record GeneratedSettings(String kafkaClusterId, String adminClientSecret, String gatewayClientSecret,
		String tokenBrokerKeyEncryptionKey) {

	static final String FILE = "settings.properties";

	private static final String CLUSTER_ID = "kafka.cluster-id";

	private static final String ADMIN_SECRET = "token-broker.bootstrap-admin.client-secret";

	private static final String GATEWAY_SECRET = "token-broker.gateway.client-secret";

	private static final String TOKEN_BROKER_KEK = "token-broker.key-encryption.key";

	private static final SecureRandom RANDOM = new SecureRandom();

	public GeneratedSettings {
		if (kafkaClusterId == null || kafkaClusterId.isBlank()) {
			throw new IllegalArgumentException("kafkaClusterId cannot be blank");
		}
		if (adminClientSecret == null || adminClientSecret.length() < 32) {
			throw new IllegalArgumentException("adminClientSecret must be at least 32 characters");
		}
		if (gatewayClientSecret == null || gatewayClientSecret.length() < 32) {
			throw new IllegalArgumentException("gatewayClientSecret must be at least 32 characters");
		}
		if (!isKey(tokenBrokerKeyEncryptionKey)) {
			throw new IllegalArgumentException("tokenBrokerKeyEncryptionKey must be 32 bytes in URL-safe Base64");
		}
	}

	/** The generated settings of this state folder, generating what is missing. */
	public static GeneratedSettings loadOrCreate(StateDirectory state) {
		Properties properties = state.read(FILE);
		boolean changed = false;
		if (properties.getProperty(CLUSTER_ID, "").isBlank()) {
			properties.setProperty(CLUSTER_ID, Uuid.randomUuid().toString());
			changed = true;
		}
		for (String secret : new String[] { ADMIN_SECRET, GATEWAY_SECRET }) {
			if (properties.getProperty(secret, "").length() < 32) {
				properties.setProperty(secret, randomSecret());
				changed = true;
			}
		}
		// also added to a state folder from before token-broker needed it
		if (!isKey(properties.getProperty(TOKEN_BROKER_KEK))) {
			properties.setProperty(TOKEN_BROKER_KEK, randomSecret());
			changed = true;
		}
		if (changed) {
			state.writePrivate(FILE, properties, "generated once by the Lanyard launcher; keep private");
		}
		return new GeneratedSettings(properties.getProperty(CLUSTER_ID), properties.getProperty(ADMIN_SECRET),
				properties.getProperty(GATEWAY_SECRET), properties.getProperty(TOKEN_BROKER_KEK));
	}

	/** 256 random bits, URL-safe Base64 without padding (43 characters). */
	public static String randomSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * Puts a new {@link #randomSecret} under {@code key} unless one of at least 32
	 * characters is there already (the launcher's password files).
	 * @return whether it put one, so the file needs writing
	 */
	public static boolean putSecretIfMissing(Properties properties, String key) {
		if (properties.getProperty(key, "").length() >= 32) {
			return false;
		}
		properties.setProperty(key, randomSecret());
		return true;
	}

	private static boolean isKey(String value) {
		try {
			return value != null && Base64.getUrlDecoder().decode(value).length == 32;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	@Override
	public String toString() {
		return "GeneratedSettings[kafkaClusterId=" + this.kafkaClusterId
				+ ", adminClientSecret=(hidden), gatewayClientSecret=(hidden), tokenBrokerKeyEncryptionKey=(hidden)]";
	}

}
