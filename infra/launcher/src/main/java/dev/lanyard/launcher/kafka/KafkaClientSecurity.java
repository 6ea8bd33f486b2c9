package dev.lanyard.launcher.kafka;

import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * Client settings that authenticate to the local broker's SASL listener. Passwords are
 * the launcher's generated URL-safe Base64, so they need no quoting inside JAAS.
 */
public final class KafkaClientSecurity {

	public static final String PROTOCOL = "SASL_PLAINTEXT";

	public static final String SCRAM = "SCRAM-SHA-512";

	public static final String PLAIN = "PLAIN";

	private KafkaClientSecurity() {
	}

	/** SCRAM-SHA-512: what services use; the password never crosses the wire. */
	public static Map<String, Object> scram(String user, String password) {
		return settings(SCRAM, "org.apache.kafka.common.security.scram.ScramLoginModule", user, password);
	}

	/** PLAIN: the administrator, which must exist before any SCRAM user can be made. */
	public static Map<String, Object> plain(String user, String password) {
		return settings(PLAIN, "org.apache.kafka.common.security.plain.PlainLoginModule", user, password);
	}

	/** A JAAS line for {@code sasl.jaas.config}. */
	public static String jaas(String loginModule, String user, String password) {
		requireToken("user", user);
		requireToken("password", password);
		return loginModule + " required username=\"" + user + "\" password=\"" + password + "\";";
	}

	private static Map<String, Object> settings(String mechanism, String loginModule, String user, String password) {
		return Map.of(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, PROTOCOL, SaslConfigs.SASL_MECHANISM, mechanism,
				SaslConfigs.SASL_JAAS_CONFIG, jaas(loginModule, user, password));
	}

	private static void requireToken(String name, String value) {
		// a quote or backslash would end the JAAS value early
		if (value == null || value.isEmpty() || !value.matches("[A-Za-z0-9._-]+")) {
			throw new IllegalArgumentException(name + " must be letters, digits, '.', '_' or '-'");
		}
	}

}
