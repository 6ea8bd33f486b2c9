package dev.lanyard.launcher.service;

import java.util.HashMap;
import java.util.Map;

import dev.lanyard.launcher.settings.Endpoints;
import dev.lanyard.launcher.settings.Setting;

/**
 * The environment a service runs with: the launcher's own, less the launcher's settings,
 * plus where everything is (the contract's variables) and the service's own settings.
 */
public final class ServiceEnvironment {

	private ServiceEnvironment() {
	}

	/**
	 * @param service the service
	 * @param endpoints where everything answers
	 * @param adminClientId id of token-broker's bootstrap administrator
	 * @param adminClientSecret its secret
	 * @return variables to set; a null value removes an inherited one
	 */
	public static Map<String, String> of(LanyardService service, Endpoints endpoints, String adminClientId,
			String adminClientSecret) {
		Map<String, String> environment = new HashMap<>();
		for (Setting setting : Setting.values()) {
			environment.put(setting.variable(), null);
		}
		environment.put("LANYARD_ROOT", null);
		environment.put("LANYARD_JAVA_HOME", null);
		environment.put("LANYARD_BUILD", null);
		environment.put("SERVER_PORT", Integer.toString(endpoints.settings().ports().of(service)));
		environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", endpoints.kafkaBootstrapServers());
		environment.put("LANYARD_REGISTRY_URL", endpoints.registryUrl());
		environment.put("SPRING_DATASOURCE_URL", endpoints.jdbcUrl(service));
		environment.put("SPRING_DATASOURCE_USERNAME", endpoints.settings().databaseUsername());
		environment.put("SPRING_DATASOURCE_PASSWORD", endpoints.settings().databasePassword());
		environment.put("SPRING_OUTPUT_ANSI_ENABLED", "never");
		String issuer = endpoints.gatewayUrl();
		switch (service) {
			case TOKEN_BROKER -> {
				environment.put("LANYARD_TOKEN_BROKER_ISSUER", issuer);
				environment.put("LANYARD_TOKEN_BROKER_BOOTSTRAP_ADMIN_CLIENT_ID", adminClientId);
				environment.put("LANYARD_TOKEN_BROKER_BOOTSTRAP_ADMIN_CLIENT_SECRET", adminClientSecret);
			}
			case AUDIT -> {
				environment.put("LANYARD_AUDIT_ISSUER", issuer);
				environment.put("LANYARD_AUDIT_JWK_SET_URI",
						endpoints.serviceUrl(LanyardService.TOKEN_BROKER) + "/oauth2/jwks");
			}
			case AUTH_GATEWAY -> {
				environment.put("LANYARD_GATEWAY_TOKEN_BROKER_URL", endpoints.serviceUrl(LanyardService.TOKEN_BROKER));
				environment.put("LANYARD_GATEWAY_AUDIT_URL", endpoints.serviceUrl(LanyardService.AUDIT));
				environment.put("LANYARD_GATEWAY_INTEGRATION_REGISTRY_URL",
						endpoints.serviceUrl(LanyardService.INTEGRATION_REGISTRY));
				environment.put("LANYARD_GATEWAY_USER_PROVISIONING_URL",
						endpoints.serviceUrl(LanyardService.USER_PROVISIONING));
			}
			default -> {
			}
		}
		environment.putAll(endpoints.settings().serviceEnvironment());
		return environment;
	}

}
