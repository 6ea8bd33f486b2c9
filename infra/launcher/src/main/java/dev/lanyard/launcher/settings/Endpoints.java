package dev.lanyard.launcher.settings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.CommonClientConfigs;

import dev.lanyard.launcher.kafka.KafkaCredentials;
import dev.lanyard.launcher.postgres.PostgresCredentials;
import dev.lanyard.launcher.registry.ApicurioRegistry;
import dev.lanyard.launcher.postgres.PostgresDatabases;
import dev.lanyard.launcher.service.LanyardService;

/**
 * Where each piece of a running ensemble answers, local or external.
 *
 * @param settings the settings they follow from
 */
public record Endpoints(LauncherSettings settings) {

	public Endpoints {
		if (settings == null) {
			throw new IllegalArgumentException("settings cannot be null");
		}
	}

	/** An external cluster's, else every local node's client address. */
	public String kafkaBootstrapServers() {
		if (this.settings.externalKafka()) {
			return this.settings.kafkaBootstrapServers();
		}
		return IntStream.rangeClosed(1, this.settings.kafkaNodes())
			.mapToObj((node) -> "127.0.0.1:" + this.settings.ports().kafka(node))
			.collect(Collectors.joining(","));
	}

	/**
	 * How a client authenticates to Kafka as the launcher's administrator: the local
	 * broker's SASL settings, none for an external cluster.
	 */
	public Map<String, Object> kafkaSecurity() {
		if (this.settings.externalKafka()) {
			return Map.of();
		}
		return KafkaCredentials.loadOrCreate(new StateDirectory(this.settings.stateDirectory()))
			.adminClientProperties();
	}

	/**
	 * Bootstrap servers and {@link #kafkaSecurity()}: what a test's or tool's Kafka
	 * client needs.
	 */
	public Map<String, Object> kafkaClientProperties() {
		Map<String, Object> properties = new HashMap<>(kafkaSecurity());
		properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers());
		return properties;
	}

	/** Base URL of Apicurio Registry. */
	public String registryUrl() {
		return this.settings.externalRegistry() ? this.settings.registryUrl()
				: "http://127.0.0.1:" + this.settings.ports().registry();
	}

	/** Base URL of the OIDC provider; the development issuer is {@code <url>/default}. */
	public String oidcUrl() {
		return this.settings.externalOidc() ? this.settings.oidcUrl()
				: "http://127.0.0.1:" + this.settings.ports().oidc();
	}

	/** The issuer of the development OIDC provider. */
	public String oidcIssuer() {
		return oidcUrl() + "/default";
	}

	/**
	 * The databases as the launcher reaches them: an external server with the configured
	 * user, the local one as its superuser with the generated password.
	 */
	public PostgresDatabases databases() {
		if (this.settings.externalDatabase()) {
			return new PostgresDatabases(this.settings.databaseUrl(), this.settings.databaseUsername(),
					this.settings.databasePassword());
		}
		return new PostgresDatabases("jdbc:postgresql://127.0.0.1:" + this.settings.ports().postgres(),
				PostgresCredentials.SUPERUSER, databaseCredentials().superuserPassword());
	}

	/**
	 * The local server's passwords ({@code postgres-users.properties} of the state
	 * folder), generated on first use: the superuser's, each service's role's and the
	 * registry's.
	 */
	public PostgresCredentials databaseCredentials() {
		List<String> databases = new ArrayList<>(
				Arrays.stream(LanyardService.values()).map(LanyardService::database).toList());
		databases.add(ApicurioRegistry.SqlStorage.DATABASE);
		return PostgresCredentials.loadOrCreate(new StateDirectory(this.settings.stateDirectory()), databases);
	}

	/**
	 * Who a service signs in to its database as: on the local server the role that owns
	 * only that database, on an external one the configured user.
	 */
	public String databaseUsername(LanyardService service) {
		return databaseUsername(service.database());
	}

	/**
	 * Who signs in to a database as: on the local server the role named after it, which
	 * owns only it, on an external one the configured user.
	 */
	public String databaseUsername(String database) {
		return this.settings.externalDatabase() ? this.settings.databaseUsername() : database;
	}

	/** The password of {@link #databaseUsername}. */
	public String databasePassword(LanyardService service) {
		return databasePassword(service.database());
	}

	/** The password of {@link #databaseUsername(String)}. */
	public String databasePassword(String database) {
		return this.settings.externalDatabase() ? this.settings.databasePassword()
				: databaseCredentials().passwordOf(database);
	}

	public String jdbcUrl(LanyardService service) {
		return databases().jdbcUrl(service.database());
	}

	public String serviceUrl(LanyardService service) {
		return "http://127.0.0.1:" + this.settings.ports().of(service);
	}

	/**
	 * token-broker's instances: the first at {@link #serviceUrl}, the others on their own
	 * ports ({@link LauncherSettings#extraTokenBrokerPorts()}).
	 */
	public List<String> tokenBrokerUrls() {
		List<String> urls = new ArrayList<>();
		urls.add(serviceUrl(LanyardService.TOKEN_BROKER));
		this.settings.extraTokenBrokerPorts().forEach((port) -> urls.add("http://127.0.0.1:" + port));
		return urls;
	}

	/** The public address: auth-gateway, which is also the issuer of Lanyard's tokens. */
	public String gatewayUrl() {
		return serviceUrl(LanyardService.AUTH_GATEWAY);
	}

}
