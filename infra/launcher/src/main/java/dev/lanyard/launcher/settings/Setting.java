package dev.lanyard.launcher.settings;

/**
 * Every environment variable the launcher reads, with its default and meaning. A setting
 * that names an external piece (Kafka, registry, database, OIDC provider) means that
 * piece is not started and the services are pointed at it.
 */
public enum Setting {

	STATE_DIR("LANYARD_STATE_DIR", "<repository>/.lanyard", "state, data and logs of the running ensemble"),

	GATEWAY_PORT("LANYARD_GATEWAY_PORT", "8080", "auth-gateway (the public address and issuer)"),

	TOKEN_BROKER_PORT("LANYARD_TOKEN_BROKER_PORT", "8081", "token-broker"),

	AUDIT_PORT("LANYARD_AUDIT_PORT", "8082", "audit"),

	INTEGRATION_REGISTRY_PORT("LANYARD_INTEGRATION_REGISTRY_PORT", "8083", "integration-registry"),

	USER_PROVISIONING_PORT("LANYARD_USER_PROVISIONING_PORT", "8084", "user-provisioning"),

	REGISTRY_PORT("LANYARD_REGISTRY_PORT", "8085", "Apicurio Registry"),

	OIDC_PORT("LANYARD_OIDC_PORT", "8090", "the development OIDC provider (mock-oauth2-server)"),

	KAFKA_PORT("LANYARD_KAFKA_PORT", "9092", "Kafka's PLAINTEXT listener"),

	KAFKA_CONTROLLER_PORT("LANYARD_KAFKA_CONTROLLER_PORT", "9093", "Kafka's CONTROLLER listener"),

	POSTGRES_PORT("LANYARD_POSTGRES_PORT", "15432", "PostgreSQL"),

	KAFKA_BOOTSTRAP_SERVERS("LANYARD_KAFKA_BOOTSTRAP_SERVERS", "",
			"an external Kafka cluster instead of the local broker"),

	REGISTRY_URL("LANYARD_REGISTRY_URL", "", "an external Apicurio Registry (base URL) instead of the local one"),

	DATABASE_URL("LANYARD_DATABASE_URL", "",
			"an external PostgreSQL server (JDBC URL without database, e.g. jdbc:postgresql://db:5432) instead of the local one"),

	DATABASE_USERNAME("LANYARD_DATABASE_USERNAME", "postgres",
			"the external server's database user (the local server's roles and passwords are generated)"),

	DATABASE_PASSWORD("LANYARD_DATABASE_PASSWORD", "postgres", "the external server's database password"),

	OIDC_URL("LANYARD_OIDC_URL", "", "an external OIDC provider (base URL) instead of the local mock-oauth2-server"),

	OIDC_JSON_CONFIG("LANYARD_OIDC_JSON_CONFIG", "{\"interactiveLogin\":true,\"httpServer\":\"NettyWrapper\"}",
			"mock-oauth2-server's JSON configuration"),

	TOPIC_PARTITIONS("LANYARD_TOPIC_PARTITIONS", "3", "partitions of each topic created"),

	TOPIC_REPLICATION_FACTOR("LANYARD_TOPIC_REPLICATION_FACTOR", "1",
			"replication factor of each topic created (unset: 3 with three or more Kafka nodes, else 1)"),

	KAFKA_NODES("LANYARD_KAFKA_NODES", "1",
			"local Kafka nodes, each a broker and controller; node n listens on LANYARD_KAFKA_PORT + 2(n-1) and "
					+ "LANYARD_KAFKA_CONTROLLER_PORT + 2(n-1); three or more: min.insync.replicas=2"),

	TOKEN_BROKER_INSTANCES("LANYARD_TOKEN_BROKER_INSTANCES", "1",
			"token-broker instances to start (1 to 4): the same database, signing keys and Kafka user, each on its own port; auth-gateway takes them in turn"),

	TOKEN_BROKER_EXTRA_PORTS("LANYARD_TOKEN_BROKER_EXTRA_PORTS", "8086,8087,8088",
			"ports of token-broker instances 2, 3 and 4 (those started)"),

	SERVICES("LANYARD_SERVICES", "auth-gateway,token-broker,audit,integration-registry,user-provisioning",
			"which services to start (comma-separated)"),

	ADMIN_CLIENT_ID("LANYARD_ADMIN_CLIENT_ID", "lanyard-admin",
			"id of token-broker's bootstrap administrator client (its secret is generated once into the state folder)"),

	CACHE_DIR("LANYARD_CACHE_DIR", "$XDG_CACHE_HOME/lanyard, else ~/.cache/lanyard",
			"what the launcher unpacks once and keeps between runs and clones (the PostgreSQL binaries, in postgres/)"),

	STARTUP_TIMEOUT("LANYARD_STARTUP_TIMEOUT", "PT3M", "how long each component may take to become healthy");

	private final String variable;

	private final String defaultValue;

	private final String description;

	Setting(String variable, String defaultValue, String description) {
		this.variable = variable;
		this.defaultValue = defaultValue;
		this.description = description;
	}

	public String variable() {
		return this.variable;
	}

	public String defaultValue() {
		return this.defaultValue;
	}

	public String description() {
		return this.description;
	}

}
