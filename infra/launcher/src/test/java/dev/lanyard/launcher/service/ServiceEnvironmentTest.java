package dev.lanyard.launcher.service;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lanyard.launcher.settings.Endpoints;
import dev.lanyard.launcher.settings.GeneratedSettings;
import dev.lanyard.launcher.settings.LauncherSettings;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceEnvironmentTest {

	private static final String KEK = GeneratedSettings.randomSecret();

	private static final String PASSWORDS = "postgres-users.properties";

	@TempDir
	Path state;

	private Endpoints endpoints;

	@BeforeEach
	void endpoints() {
		this.endpoints = new Endpoints(
				LauncherSettings.fromEnvironment(Map.of("LANYARD_STATE_DIR", this.state.toString()), Path.of("/repo")));
	}

	@Test
	void ofWhenAnyServiceThenContractVariables() {
		Map<String, String> environment = ServiceEnvironment.of(LanyardService.INTEGRATION_REGISTRY, this.endpoints,
				"admin", "secret", "gateway-secret", KEK);
		assertThat(environment).containsEntry("SERVER_PORT", "8083")
			.containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
			.containsEntry("LANYARD_REGISTRY_URL", "http://127.0.0.1:8085")
			.containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:15432/integration_registry")
			.containsEntry("SPRING_DATASOURCE_USERNAME", "integration_registry");
	}

	@Test
	void ofWhenLocalDatabaseThenEachServiceSignsInAsItsOwnRoleWithTheGeneratedPassword() throws IOException {
		java.util.Set<String> passwords = new java.util.HashSet<>();
		for (LanyardService service : LanyardService.values()) {
			Map<String, String> environment = ServiceEnvironment.of(service, this.endpoints, "a", "s", "gateway-secret",
					KEK);
			String password = environment.get("SPRING_DATASOURCE_PASSWORD");
			assertThat(environment).as("%s", service).containsEntry("SPRING_DATASOURCE_USERNAME", service.database());
			assertThat(password).as("%s", service)
				.hasSizeGreaterThanOrEqualTo(43)
				.isEqualTo(generated().getProperty("postgres.role." + service.database() + ".password"));
			passwords.add(password);
		}
		assertThat(passwords).hasSize(LanyardService.values().length);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(this.state.resolve(PASSWORDS))))
			.isEqualTo("rw-------");
	}

	@Test
	void ofWhenExternalDatabaseThenTheConfiguredUserAndPassword() {
		Endpoints external = new Endpoints(LauncherSettings.fromEnvironment(
				Map.of("LANYARD_STATE_DIR", this.state.toString(), "LANYARD_DATABASE_URL", "jdbc:postgresql://db:5432",
						"LANYARD_DATABASE_USERNAME", "lanyard", "LANYARD_DATABASE_PASSWORD", "from-the-operator"),
				Path.of("/repo")));
		assertThat(ServiceEnvironment.of(LanyardService.AUDIT, external, "a", "s", "gateway-secret", KEK))
			.containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://db:5432/audit")
			.containsEntry("SPRING_DATASOURCE_USERNAME", "lanyard")
			.containsEntry("SPRING_DATASOURCE_PASSWORD", "from-the-operator");
	}

	private Properties generated() throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(this.state.resolve(PASSWORDS))) {
			properties.load(reader);
		}
		return properties;
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
