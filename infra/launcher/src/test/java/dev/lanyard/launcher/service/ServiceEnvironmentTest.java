package dev.lanyard.launcher.service;

import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.lanyard.launcher.settings.Endpoints;
import dev.lanyard.launcher.settings.GeneratedSettings;
import dev.lanyard.launcher.settings.LauncherSettings;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceEnvironmentTest {

	private static final String KEK = GeneratedSettings.randomSecret();

	private final Endpoints endpoints = new Endpoints(LauncherSettings.fromEnvironment(Map.of(), Path.of("/repo")));

	@Test
	void ofWhenAnyServiceThenContractVariables() {
		Map<String, String> environment = ServiceEnvironment.of(LanyardService.INTEGRATION_REGISTRY, this.endpoints,
				"admin", "secret", "gateway-secret", KEK);
		assertThat(environment).containsEntry("SERVER_PORT", "8083")
			.containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
			.containsEntry("LANYARD_REGISTRY_URL", "http://127.0.0.1:8085")
			.containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:15432/integration_registry")
			.containsEntry("SPRING_DATASOURCE_USERNAME", "postgres")
			.containsEntry("SPRING_DATASOURCE_PASSWORD", "postgres");
	}

	@Test
	void ofWhenTokenBrokerThenIssuerAndBootstrapAdministrator() {
		Map<String, String> environment = ServiceEnvironment.of(LanyardService.TOKEN_BROKER, this.endpoints, "admin",
				"secret", "gateway-secret", KEK);
		assertThat(environment).containsEntry("LANYARD_TOKEN_BROKER_ISSUER", "http://127.0.0.1:8080")
			.containsEntry("LANYARD_TOKEN_BROKER_BOOTSTRAP_ADMIN_CLIENT_ID", "admin")
			.containsEntry("LANYARD_TOKEN_BROKER_BOOTSTRAP_ADMIN_CLIENT_SECRET", "secret")
			.containsEntry("LANYARD_TOKEN_BROKER_GATEWAY_CLIENT_ID", "auth-gateway")
			.containsEntry("LANYARD_TOKEN_BROKER_GATEWAY_CLIENT_SECRET", "gateway-secret")
			.containsEntry("LANYARD_TOKEN_BROKER_FEDERATION_USER_PROVISIONING_URL", "http://127.0.0.1:8084")
			.containsEntry("LANYARD_TOKENS_DELEGATION_AUDIENCES", ServiceEnvironment.DELEGATION_AUDIENCE);
	}

	@Test
	void ofWhenTokenBrokerThenPrivateEndpointsAllowedForTheDevelopmentProvider() {
		assertThat(ServiceEnvironment.of(LanyardService.TOKEN_BROKER, this.endpoints, "admin", "secret",
				"gateway-secret", KEK))
			.containsEntry("LANYARD_TOKEN_BROKER_ALLOW_PRIVATE_ENDPOINTS", "true");
	}

	@Test
	void ofWhenTokenBrokerThenKeyEncryptionKeyAndNoPlaintext() {
		Map<String, String> environment = ServiceEnvironment.of(LanyardService.TOKEN_BROKER, this.endpoints, "admin",
				"secret", "gateway-secret", KEK);
		assertThat(environment).containsEntry("LANYARD_TOKEN_BROKER_KEY_ENCRYPTION_KEY", KEK)
			.doesNotContainKey("LANYARD_TOKEN_BROKER_KEY_ENCRYPTION_ALLOW_PLAINTEXT");
		assertThat(Base64.getUrlDecoder().decode(KEK)).hasSize(32);
	}

	@Test
	void ofWhenOtherServiceThenNoKeyEncryptionKey() {
		for (LanyardService service : LanyardService.values()) {
			if (service != LanyardService.TOKEN_BROKER) {
				assertThat(ServiceEnvironment.of(service, this.endpoints, "a", "s", "gateway-secret", KEK))
					.as("%s", service)
					.doesNotContainValue(KEK);
			}
		}
	}

	@Test
	void ofWhenOtherServiceThenNoAdministratorSecret() {
		Map<String, String> environment = ServiceEnvironment.of(LanyardService.AUDIT, this.endpoints, "admin", "secret",
				"gateway-secret", KEK);
		assertThat(environment).doesNotContainValue("secret")
			.doesNotContainValue("gateway-secret")
			.containsEntry("LANYARD_AUDIT_ISSUER", "http://127.0.0.1:8080")
			.containsEntry("LANYARD_AUDIT_JWK_SET_URI", "http://127.0.0.1:8081/oauth2/jwks")
			.containsEntry("LANYARD_AUDIT_LEDGER_GENERATE_SIGNING_KEY_FILE", "true")
			.hasEntrySatisfying("LANYARD_AUDIT_LEDGER_SIGNING_KEY_FILE",
					(file) -> assertThat(file).endsWith(ServiceEnvironment.AUDIT_LEDGER_KEY_FILE));
	}

	@Test
	void ofWhenGatewayThenRoutesToTheOthers() {
		Map<String, String> environment = ServiceEnvironment.of(LanyardService.AUTH_GATEWAY, this.endpoints, "a", "s",
				"gateway-secret", KEK);
		assertThat(environment).containsEntry("LANYARD_GATEWAY_TOKEN_BROKER_URL", "http://127.0.0.1:8081")
			.containsEntry("LANYARD_GATEWAY_AUDIT_URL", "http://127.0.0.1:8082")
			.containsEntry("LANYARD_GATEWAY_INTEGRATION_REGISTRY_URL", "http://127.0.0.1:8083")
			.containsEntry("LANYARD_GATEWAY_USER_PROVISIONING_URL", "http://127.0.0.1:8084")
			.containsEntry("LANYARD_GATEWAY_SIGNIN_PROVIDERS_DEV_DEPOSITUPSTREAMTOKEN", "true");
	}

	@Test
	void ofWhenLauncherSettingsInheritedThenRemoved() {
		Map<String, String> environment = ServiceEnvironment.of(LanyardService.AUDIT, this.endpoints, "a", "s",
				"gateway-secret", KEK);
		assertThat(environment).containsEntry("LANYARD_AUDIT_PORT", null)
			.containsEntry("LANYARD_STATE_DIR", null)
			.containsKey("LANYARD_KAFKA_BOOTSTRAP_SERVERS");
		assertThat(environment.get("LANYARD_KAFKA_BOOTSTRAP_SERVERS")).isNull();
	}

	@Test
	void ofWhenUserProvisioningThenScimUsersBindToTheDevelopmentProvidersSignIns() {
		assertThat(ServiceEnvironment.of(LanyardService.USER_PROVISIONING, this.endpoints, "admin", "secret",
				"gateway-secret", KEK))
			.containsEntry("LANYARD_PROVISIONING_SCIM_SIGNINISSUER", this.endpoints.oidcIssuer());
	}

	@Test
	void ofWhenKafkaSecurityGivenThenSpringKafkaVariablesSignInAsTheService() {
		Map<String, Object> security = dev.lanyard.launcher.kafka.KafkaClientSecurity.scram("audit", "p".repeat(43));
		Map<String, String> environment = ServiceEnvironment.of(LanyardService.AUDIT, this.endpoints, "a", "s",
				"gateway-secret", KEK, security);
		assertThat(environment).containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
			.containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512")
			.containsEntry("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", (String) security.get("sasl.jaas.config"));
	}

}
