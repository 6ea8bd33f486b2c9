package dev.lanyard.launcher.service;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import dev.lanyard.launcher.settings.Endpoints;
import dev.lanyard.launcher.settings.Setting;

/**
 * The environment a service runs with: the launcher's own, less the launcher's settings,
 * plus where everything is (the contract's variables) and the service's own settings.
 */
public final class ServiceEnvironment {

	/**
	 * token-broker client (kind gateway) through which auth-gateway gets user session
	 * tokens.
	 */
	public static final String GATEWAY_CLIENT_ID = "auth-gateway";

	/**
	 * The audience delegated tokens may be asked for on one machine: an example service
	 * behind Lanyard, a name only.
	 */
	public static final String DELEGATION_AUDIENCE = "https://reports.lanyard.local";

	/**
	 * Where the launcher writes that client's secret (state folder), once token-broker
	 * issued it.
	 */
	public static final String GATEWAY_SECRET_FILE = "auth-gateway-client.secret";

	/**
	 * integration-registry's key-encryption key file (state folder), generated at first
	 * start.
	 */
	public static final String INTEGRATIONS_KEY_FILE = "integration-registry-kek.properties";

	/**
	 * audit's Ed25519 key that signs its log's checkpoints (state folder), generated at
	 * first start.
	 */
	public static final String AUDIT_LEDGER_KEY_FILE = "audit-ledger-key.pem";

	private static final SecureRandom RANDOM = new SecureRandom();

	private ServiceEnvironment() {
	}

	private static String kafkaVariable(String clientSetting) {
		String prefix = "security.protocol".equals(clientSetting) ? "SPRING_KAFKA_" : "SPRING_KAFKA_PROPERTIES_";
		return prefix + clientSetting.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
	}

	private static String randomSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * @param service the service
	 * @param endpoints where everything answers
	 * @param adminClientId id of token-broker's bootstrap administrator
	 * @param adminClientSecret its secret
	 * @param gatewayClientSecret the secret of auth-gateway's client at token-broker
	 * @param tokenBrokerKeyEncryptionKey token-broker's key-encryption key (generated
	 * once, kept in the state folder's {@code settings.properties})
	 * @return variables to set; a null value removes an inherited one
	 */
	public static Map<String, String> of(LanyardService service, Endpoints endpoints, String adminClientId,
			String adminClientSecret, String gatewayClientSecret, String tokenBrokerKeyEncryptionKey) {
		return of(service, endpoints, adminClientId, adminClientSecret, gatewayClientSecret,
				tokenBrokerKeyEncryptionKey, Map.of());
	}

	/**
	 * As above, signing in to Kafka with {@code kafkaSecurity} (its
	 * {@code security.protocol}, {@code sasl.mechanism} and {@code sasl.jaas.config}),
	 * passed as {@code SPRING_KAFKA_SECURITY_PROTOCOL} and
	 * {@code SPRING_KAFKA_PROPERTIES_SASL_*}, so every client the service builds from
	 * Spring Boot's Kafka properties authenticates as the service's own user.
	 */
	public static Map<String, String> of(LanyardService service, Endpoints endpoints, String adminClientId,
			String adminClientSecret, String gatewayClientSecret, String tokenBrokerKeyEncryptionKey,
			Map<String, Object> kafkaSecurity) {
		if (kafkaSecurity == null) {
			throw new IllegalArgumentException("kafkaSecurity cannot be null");
		}
		Map<String, String> environment = new HashMap<>();
		for (Setting setting : Setting.values()) {
			environment.put(setting.variable(), null);
		}
		environment.put("LANYARD_ROOT", null);
		environment.put("LANYARD_JAVA_HOME", null);
		environment.put("LANYARD_BUILD", null);
		environment.put("SERVER_PORT", Integer.toString(endpoints.settings().ports().of(service)));
		environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", endpoints.kafkaBootstrapServers());
		kafkaSecurity.forEach((key, value) -> environment.put(kafkaVariable(key), value.toString()));
		environment.put("LANYARD_REGISTRY_URL", endpoints.registryUrl());
		environment.put("SPRING_DATASOURCE_URL", endpoints.jdbcUrl(service));
		environment.put("SPRING_DATASOURCE_USERNAME", endpoints.databaseUsername(service));
		environment.put("SPRING_DATASOURCE_PASSWORD", endpoints.databasePassword(service));
		environment.put("SPRING_OUTPUT_ANSI_ENABLED", "never");
		String issuer = endpoints.gatewayUrl();
		String jwks = endpoints.serviceUrl(LanyardService.TOKEN_BROKER) + "/oauth2/jwks";
		Path state = endpoints.settings().stateDirectory();
		switch (service) {
			case TOKEN_BROKER -> {
				environment.put("LANYARD_TOKEN_BROKER_ISSUER", issuer);
				environment.put("LANYARD_TOKEN_BROKER_INTEGRATION_REGISTRY_URL",
						endpoints.serviceUrl(LanyardService.INTEGRATION_REGISTRY));
				// just-in-time users of identity federation
				environment.put("LANYARD_TOKEN_BROKER_FEDERATION_USER_PROVISIONING_URL",
						endpoints.serviceUrl(LanyardService.USER_PROVISIONING));
				environment.put("LANYARD_TOKEN_BROKER_BOOTSTRAP_ADMIN_CLIENT_ID", adminClientId);
				environment.put("LANYARD_TOKEN_BROKER_BOOTSTRAP_ADMIN_CLIENT_SECRET", adminClientSecret);
				environment.put("LANYARD_TOKEN_BROKER_GATEWAY_CLIENT_ID", GATEWAY_CLIENT_ID);
				environment.put("LANYARD_TOKEN_BROKER_GATEWAY_CLIENT_SECRET", gatewayClientSecret);
				// as for integration-registry: the development OIDC provider stands in
				// for external token endpoints on loopback
				environment.put("LANYARD_TOKEN_BROKER_ALLOW_PRIVATE_ENDPOINTS", "true");
				// auth-gateway runs on loopback: its X-Lanyard-Client-Address names the
				// caller, so failed logins through it are counted per caller, not all as
				// the gateway
				environment.put("LANYARD_TOKEN_BROKER_THROTTLING_TRUSTED_PROXIES", "127.0.0.1");
				// delegated tokens (actor_token) for one example service behind Lanyard:
				// an audience name only, nothing is called there
				environment.put("LANYARD_TOKENS_DELEGATION_AUDIENCES", DELEGATION_AUDIENCE);
				// without it token-broker refuses to start: its signing keys, refresh
				// tokens and PKCE verifiers are sealed with it
				environment.put("LANYARD_TOKEN_BROKER_KEY_ENCRYPTION_KEY", tokenBrokerKeyEncryptionKey);
			}
			case AUDIT -> {
				environment.put("LANYARD_AUDIT_ISSUER", issuer);
				environment.put("LANYARD_AUDIT_JWK_SET_URI", jwks);
				environment.put("LANYARD_AUDIT_LEDGER_SIGNING_KEY_FILE",
						state.resolve(AUDIT_LEDGER_KEY_FILE).toString());
				environment.put("LANYARD_AUDIT_LEDGER_GENERATE_SIGNING_KEY_FILE", "true");
			}
			case USER_PROVISIONING -> {
				environment.put("LANYARD_PROVISIONING_ISSUER", issuer);
				environment.put("LANYARD_PROVISIONING_JWK_SET_URI", jwks);
				// users pushed by SCIM are the same people who sign in through the
				// development provider: bind them to its sign-ins (overridable below)
				environment.put("LANYARD_PROVISIONING_SCIM_SIGNINISSUER", endpoints.oidcIssuer());
			}
			case INTEGRATION_REGISTRY -> {
				environment.put("LANYARD_INTEGRATIONS_ISSUER", issuer);
				environment.put("LANYARD_INTEGRATIONS_JWK_SET_URI", jwks);
				environment.put("LANYARD_INTEGRATIONS_KEY_ENCRYPTION_KEY_FILE",
						state.resolve(INTEGRATIONS_KEY_FILE).toString());
				environment.put("LANYARD_INTEGRATIONS_KEY_ENCRYPTION_GENERATE_KEY_FILE", "true");
				// the development OIDC provider stands in for external services on
				// loopback
				environment.put("LANYARD_INTEGRATIONS_ALLOW_PRIVATE_ENDPOINTS", "true");
			}
			case AUTH_GATEWAY -> {
				// every token-broker instance: the gateway takes them in turn, passing
				// over one that refuses connections
				environment.put("LANYARD_GATEWAY_TOKEN_BROKER_URL", String.join(",", endpoints.tokenBrokerUrls()));
				environment.put("LANYARD_GATEWAY_AUDIT_URL", endpoints.serviceUrl(LanyardService.AUDIT));
				environment.put("LANYARD_GATEWAY_INTEGRATION_REGISTRY_URL",
						endpoints.serviceUrl(LanyardService.INTEGRATION_REGISTRY));
				environment.put("LANYARD_GATEWAY_USER_PROVISIONING_URL",
						endpoints.serviceUrl(LanyardService.USER_PROVISIONING));
				environment.put("LANYARD_GATEWAY_TOKEN_BROKER_CLIENT_CLIENT_ID", GATEWAY_CLIENT_ID);
				environment.put("LANYARD_GATEWAY_TOKEN_BROKER_CLIENT_CLIENT_SECRET_FILE",
						state.resolve(GATEWAY_SECRET_FILE).toString());
				environment.put("LANYARD_GATEWAY_SIGNIN_PUBLICURL", issuer);
				environment.put("LANYARD_GATEWAY_SIGNIN_ALLOWINSECURELOOPBACKISSUERS", "true");
				environment.put("LANYARD_GATEWAY_SIGNIN_PROVIDERS_DEV_ISSUER", endpoints.oidcIssuer());
				environment.put("LANYARD_GATEWAY_SIGNIN_PROVIDERS_DEV_CLIENTID", "lanyard");
				// its access token is kept for delegated (on-behalf-of) viewer
				// integrations
				environment.put("LANYARD_GATEWAY_SIGNIN_PROVIDERS_DEV_DEPOSITUPSTREAMTOKEN", "true");
				// the development provider accepts any secret: a fresh random one, so no
				// secret literal is committed (a real provider's comes from a file)
				environment.put("LANYARD_GATEWAY_SIGNIN_PROVIDERS_DEV_CLIENTSECRET", randomSecret());
			}
			default -> {
			}
		}
		environment.putAll(endpoints.settings().serviceEnvironment());
		return environment;
	}

}
