package dev.lanyard.e2e.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.kafka.common.acl.AclBinding;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import dev.lanyard.launcher.kafka.KafkaAcls;
import dev.lanyard.launcher.kafka.KafkaCredentials;
import dev.lanyard.platform.kafka.KafkaAccess;
import dev.lanyard.platform.kafka.KafkaAccesses;
import dev.lanyard.platform.kafka.Topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Checks docker-compose.yml without a Docker engine: its services are real modules, every
 * Lanyard setting it passes is one the service binds, Kafka is durable enough for the
 * audit guarantee, and topic creation matches the topic declarations.
 *
 * <p>
 * A {@code LANYARD_*} or {@code SPRING_*} variable counts as bound when its relaxed form
 * ({@code _} and {@code -} read as {@code .}, case ignored) equals a key of the service's
 * {@code application.yml}, or names a component (or something below one) of a
 * {@code @ConfigurationProperties} record of the service or of lanyard-platform; for a
 * properties class that is not a record, anything below its prefix counts.
 */
class DockerComposeFileTest {

	private static final Path ROOT = repositoryRoot();

	private static final Set<String> BOUND_PREFIXES = Set.of("LANYARD_", "SPRING_");

	private final Map<String, Map<String, Object>> services = composeServices();

	@Test
	void composeWhenParsedThenEveryLanyardServiceIsAModuleAndEveryServiceModuleIsThere() {
		Map<String, String> lanyard = lanyardServices();
		assertThat(lanyard).as("compose services built from infra/docker").isNotEmpty();
		lanyard.forEach((service, module) -> {
			assertThat(service).as("compose service name of module %s", module).isEqualTo(module);
			assertThat(ROOT.resolve("services").resolve(module).resolve("pom.xml")).as("module of %s", service)
				.isRegularFile();
		});
		assertThat(lanyard.keySet()).as("service modules (with an application.yml) missing from compose")
			.containsAll(serviceModules());
	}

	@Test
	void composeWhenParsedThenEveryLanyardSettingIsBoundByItsService() {
		Map<String, Set<String>> unbound = new LinkedHashMap<>();
		lanyardServices().forEach((service, module) -> {
			Bindable bindable = bindable(module);
			environment(service).keySet()
				.stream()
				.filter((name) -> BOUND_PREFIXES.stream().anyMatch(name::startsWith))
				.filter((name) -> !bindable.binds(name))
				.forEach((name) -> unbound.computeIfAbsent(service, (key) -> new TreeSet<>()).add(name));
		});
		assertThat(unbound).as("variables compose sets for a service that the service does not bind").isEmpty();
	}

	@Test
	void composeWhenParsedThenServicesListenOnAllInterfacesAndOnlyTheGatewayIsPublished() {
		lanyardServices().keySet()
			.forEach((service) -> assertThat(environment(service)).as("environment of %s", service)
				.containsEntry("SERVER_ADDRESS", "0.0.0.0")
				.containsKeys("SERVER_PORT", "SPRING_KAFKA_BOOTSTRAP_SERVERS", "LANYARD_REGISTRY_URL",
						"SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD"));
		assertThat(this.services.entrySet()).filteredOn((service) -> service.getValue().containsKey("ports"))
			.extracting(Map.Entry::getKey)
			.containsExactly("auth-gateway");
	}

	@Test
	void composeWhenParsedThenKafkaHasThreeBrokersWithMinInSyncReplicasTwo() {
		Map<String, Map<String, String>> brokers = new LinkedHashMap<>();
		this.services.forEach((name, service) -> {
			Map<String, String> env = environment(name);
			if (String.valueOf(service.get("image")).startsWith("apache/kafka")
					&& env.getOrDefault("KAFKA_PROCESS_ROLES", "").contains("broker")) {
				brokers.put(name, env);
			}
		});
		assertThat(brokers).hasSize(3);
		brokers.forEach((name, env) -> assertThat(env).as("settings of broker %s", name)
			.containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2")
			.containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", "3")
			.containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3"));
		assertThat(brokers.values()).extracting((env) -> env.get("KAFKA_NODE_ID")).doesNotHaveDuplicates();
		assertThat(brokers.values()).extracting((env) -> env.get("KAFKA_CONTROLLER_QUORUM_VOTERS").split(",").length)
			.containsOnly(3);
		assertThat(environment("kafka-init")).containsEntry("TOPIC_REPLICATION_FACTOR", "3");
	}

	@Test
	void topicsFileWhenReadThenMatchesTopicDeclarationsAndSchemas() {
		String topics = read(ROOT.resolve("services/platform/src/main/java/dev/lanyard/platform/kafka/Topics.java"));
		Set<String> declared = new TreeSet<>();
		Matcher topic = Pattern.compile("new Topic<>\\(\\s*\"([^\"]+)\",\\s*(\\w+)\\.class,\\s*(true|false)\\)")
			.matcher(topics);
		while (topic.find()) {
			declared.add(topic.group(1) + " " + topic.group(2) + " "
					+ (topic.group(3).equals("true") ? "compact" : "delete"));
		}
		Matcher deadLetter = Pattern.compile("DEAD_LETTER\\s*=\\s*\"([^\"]+)\"").matcher(topics);
		assertThat(deadLetter.find()).as("Topics.DEAD_LETTER declared").isTrue();
		declared.add(deadLetter.group(1) + " - delete");

		Set<String> created = new TreeSet<>();
		for (String line : read(ROOT.resolve("infra/compose/topics.txt")).split("\n")) {
			String trimmed = line.strip();
			if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
				created.add(String.join(" ", trimmed.split("\\s+")));
			}
		}
		assertThat(created).isEqualTo(declared);
		created.stream()
			.map((row) -> row.split(" ")[1])
			.filter((schema) -> !schema.equals("-"))
			.forEach((schema) -> assertThat(ROOT.resolve("schemas/src/main/avro/" + schema + ".avsc")).isRegularFile());
	}

	@Test
	void createTopicsWhenTopicCompactedThenRecordsStayWholeForTheCompactionLag() {
		String script = read(ROOT.resolve("infra/compose/create-topics.sh"));
		assertThat(script).contains("compaction_lag_ms=" + Topic.COMPACTION_LAG.toMillis())
			.contains("--config \"min.compaction.lag.ms=${compaction_lag_ms}\"");
	}

	@Test
	void composeWhenParsedThenKafkaTakesOnlyAuthenticatedClientsAndDeniesWhatNoAclAllows() {
		this.services.forEach((name, service) -> {
			Map<String, String> env = environment(name);
			if (env.getOrDefault("KAFKA_PROCESS_ROLES", "").contains("broker")) {
				assertThat(env.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP")).as("listeners of %s", name)
					.doesNotContain(":PLAINTEXT")
					.contains("CLIENT:SASL_PLAINTEXT");
				assertThat(env).as("settings of broker %s", name)
					.containsEntry("KAFKA_AUTHORIZER_CLASS_NAME",
							"org.apache.kafka.metadata.authorizer.StandardAuthorizer")
					.containsEntry("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false")
					.containsEntry("KAFKA_SUPER_USERS", "User:" + KafkaCredentials.ADMIN);
			}
		});
	}

	@Test
	void composeWhenParsedThenEachServiceSignsInToKafkaAsItselfWithARequiredPassword() {
		lanyardServices().keySet().forEach((service) -> {
			Map<String, String> env = environment(service);
			String variable = "LANYARD_KAFKA_" + service.toUpperCase(Locale.ROOT).replace('-', '_') + "_PASSWORD";
			assertThat(env).as("environment of %s", service)
				.containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
				.containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512");
			assertThat(env.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")).as("Kafka sign-in of %s", service)
				.contains("ScramLoginModule required")
				.contains("username=\"" + service + "\"")
				.contains("password=\"${" + variable + ":?");
			assertThat(environment("kafka-init")).containsKey(variable);
		});
		assertThat(KafkaAccesses.ALL).extracting(KafkaAccess::principal)
			.containsExactlyInAnyOrderElementsOf(lanyardServices().keySet());
	}

	@Test
	void composeWhenParsedThenEachDatabaseRoleHasItsOwnRequiredPassword() {
		Map<String, String> postgres = environment("postgres");
		Set<String> variables = new TreeSet<>();
		lanyardServices().keySet().forEach((service) -> {
			String database = service.replace('-', '_');
			String variable = "LANYARD_DB_" + database.toUpperCase(Locale.ROOT) + "_PASSWORD";
			assertThat(environment(service).get("SPRING_DATASOURCE_PASSWORD")).as("database password of %s", service)
				.startsWith("${" + variable + ":?");
			assertThat(postgres.get("DB_PASSWORD_" + database)).as("password the role %s is created with", database)
				.isEqualTo(environment(service).get("SPRING_DATASOURCE_PASSWORD"));
			variables.add(variable);
		});
		assertThat(variables).hasSize(lanyardServices().size()).doesNotContain("LANYARD_DB_PASSWORD");
		assertThat(environment("apicurio-registry").get("APICURIO_DATASOURCE_PASSWORD"))
			.isEqualTo(postgres.get("DB_PASSWORD_apicurio_registry"))
			.doesNotContain("LANYARD_DB_PASSWORD:");
	}

	/**
	 * Anyone on the compose network could otherwise register a new UserChanged schema or
	 * drop a compatibility rule: writes need a token of the operator's IdP, reads stay
	 * open for the services' serdes, and schema-init gets its token from the same issuer.
	 */
	@Test
	void composeWhenParsedThenRegistryWritesNeedATokenOfTheConfiguredIssuer() {
		Map<String, String> registry = environment("apicurio-registry");
		assertThat(registry).containsEntry("QUARKUS_OIDC_TENANT_ENABLED", "true")
			.containsEntry("APICURIO_AUTH_ANONYMOUS_READ_ACCESS_ENABLED", "true")
			.containsEntry("APICURIO_AUTH_ROLE_BASED_AUTHORIZATION", "true");
		assertThat(registry.get("QUARKUS_OIDC_AUTH_SERVER_URL")).startsWith("${LANYARD_REGISTRY_OIDC_ISSUER:?");
		Map<String, String> schemaInit = environment("schema-init");
		assertThat(schemaInit.get("REGISTRY_OIDC_ISSUER")).isEqualTo(registry.get("QUARKUS_OIDC_AUTH_SERVER_URL"));
		assertThat(schemaInit.get("REGISTRY_CLIENT_ID")).startsWith("${LANYARD_REGISTRY_CLIENT_ID:?");
		assertThat(schemaInit.get("REGISTRY_CLIENT_SECRET")).startsWith("${LANYARD_REGISTRY_CLIENT_SECRET:?");
		assertThat(read(ROOT.resolve("infra/compose/register-schemas.py"))).contains("Authorization")
			.contains("client_credentials");
	}

	@Test
	void aclsFileWhenReadThenGrantsExactlyWhatTheLauncherGrants() {
		Set<String> granted = new TreeSet<>();
		for (KafkaAccess access : KafkaAccesses.ALL) {
			for (AclBinding acl : KafkaAcls.of(access)) {
				granted
					.add(String.join(" ", access.principal(), acl.entry().operation().name().toLowerCase(Locale.ROOT),
							acl.pattern().resourceType().name().toLowerCase(Locale.ROOT),
							acl.pattern().patternType().name().toLowerCase(Locale.ROOT), acl.pattern().name()));
			}
		}
		Set<String> listed = new TreeSet<>();
		for (String line : read(ROOT.resolve("infra/compose/acls.txt")).split("\n")) {
			String trimmed = line.strip();
			if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
				listed.add(String.join(" ", trimmed.toLowerCase(Locale.ROOT).split("\\s+")));
			}
		}
		assertThat(listed).isEqualTo(granted);
	}

	@Test
	void composeWhenParsedThenTokenBrokerKeyEncryptionKeyRequiredWithoutDefault() {
		Map<String, String> tokenBroker = environment("token-broker");
		assertThat(tokenBroker.get("LANYARD_TOKEN_BROKER_KEY_ENCRYPTION_KEY")).as("token-broker's key-encryption key")
			.matches("\\$\\{LANYARD_TOKEN_BROKER_KEK:\\?[^}]*LANYARD_TOKEN_BROKER_KEK[^}]*}");
		assertThat(tokenBroker.keySet()).as("no development switch in the deployment")
			.noneMatch((name) -> name.contains("ALLOW_PLAINTEXT"));
	}

	@Test
	void composeConfigWhenDockerComposeAvailableThenValid() throws Exception {
		Path binary = onPath("docker-compose");
		assumeTrue(binary != null, "docker-compose is not on PATH (Debian: apt-get install docker-compose); "
				+ "skipping its validation of docker-compose.yml");
		// the database password has no default in the file: an operator sets it
		Map<String, String> variables = new LinkedHashMap<>(kafkaPasswords());
		variables.put("LANYARD_DB_PASSWORD", java.util.UUID.randomUUID().toString());
		variables.put("LANYARD_TOKEN_BROKER_KEK", java.util.Base64.getEncoder().encodeToString(new byte[32]));
		Process process = composeConfig(binary, variables);
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as("docker-compose config -q exit code; output:%n%s", output).isZero();
	}

	@Test
	void composeConfigWhenDatabasePasswordUnsetThenRefusedNamingIt() throws Exception {
		Path binary = onPath("docker-compose");
		assumeTrue(binary != null, "docker-compose is not on PATH; skipping its validation of docker-compose.yml");
		Map<String, String> variables = new LinkedHashMap<>(kafkaPasswords());
		variables.put("LANYARD_TOKEN_BROKER_KEK", java.util.Base64.getEncoder().encodeToString(new byte[32]));
		Process process = composeConfig(binary, variables);
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(output).isNotZero();
		assertThat(output).contains("LANYARD_DB_PASSWORD");
	}

	@Test
	void composeConfigWhenKeyEncryptionKeyUnsetThenRefusedNamingIt() throws Exception {
		Path binary = onPath("docker-compose");
		assumeTrue(binary != null, "docker-compose is not on PATH; skipping its validation of docker-compose.yml");
		Map<String, String> variables = new LinkedHashMap<>(kafkaPasswords());
		variables.put("LANYARD_DB_PASSWORD", java.util.UUID.randomUUID().toString());
		Process process = composeConfig(binary, variables);
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(output).isNotZero();
		assertThat(output).contains("LANYARD_TOKEN_BROKER_KEK");
	}

	@Test
	void composeConfigWhenAKafkaPasswordUnsetThenRefusedNamingIt() throws Exception {
		Path binary = onPath("docker-compose");
		assumeTrue(binary != null, "docker-compose is not on PATH; skipping its validation of docker-compose.yml");
		Map<String, String> variables = new LinkedHashMap<>(kafkaPasswords());
		variables.remove("LANYARD_KAFKA_TOKEN_BROKER_PASSWORD");
		variables.put("LANYARD_DB_PASSWORD", java.util.UUID.randomUUID().toString());
		variables.put("LANYARD_TOKEN_BROKER_KEK", java.util.Base64.getEncoder().encodeToString(new byte[32]));
		Process process = composeConfig(binary, variables);
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(output).isNotZero();
		assertThat(output).contains("LANYARD_KAFKA_TOKEN_BROKER_PASSWORD");
	}

	/**
	 * Kafka's administrator's and each service's password, and each database role's
	 * (services and the registry), made up.
	 */
	private static Map<String, String> kafkaPasswords() {
		Map<String, String> passwords = new LinkedHashMap<>();
		passwords.put("LANYARD_KAFKA_ADMIN_PASSWORD", java.util.UUID.randomUUID().toString());
		passwords.put("LANYARD_DB_APICURIO_REGISTRY_PASSWORD", java.util.UUID.randomUUID().toString());
		passwords.put("LANYARD_REGISTRY_OIDC_ISSUER", "https://idp.example.com");
		passwords.put("LANYARD_REGISTRY_CLIENT_ID", "lanyard-schema-admin");
		passwords.put("LANYARD_REGISTRY_CLIENT_SECRET", java.util.UUID.randomUUID().toString());
		KafkaAccesses.ALL.forEach((access) -> {
			String service = access.principal().toUpperCase(Locale.ROOT).replace('-', '_');
			passwords.put("LANYARD_KAFKA_" + service + "_PASSWORD", java.util.UUID.randomUUID().toString());
			passwords.put("LANYARD_DB_" + service + "_PASSWORD", java.util.UUID.randomUUID().toString());
		});
		return passwords;
	}

	/**
	 * Runs {@code docker-compose config -q} with the required variables given (the others
	 * removed).
	 */
	private static Process composeConfig(Path binary, Map<String, String> variables) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(binary.toString(), "-f", "docker-compose.yml", "config", "-q")
			.directory(ROOT.toFile())
			.redirectErrorStream(true);
		builder.environment().remove("LANYARD_DB_PASSWORD");
		builder.environment().remove("LANYARD_TOKEN_BROKER_KEK");
		kafkaPasswords().keySet().forEach(builder.environment()::remove);
		builder.environment().putAll(variables);
		Process process = builder.start();
		boolean finished = process.waitFor(2, TimeUnit.MINUTES);
		if (!finished) {
			process.destroyForcibly();
		}
		assertThat(finished).as("docker-compose config finished").isTrue();
		return process;
	}

	/**
	 * Compose service name to module, for services built from a module with infra/docker.
	 */
	private Map<String, String> lanyardServices() {
		Map<String, String> lanyard = new LinkedHashMap<>();
		this.services.forEach((name, service) -> {
			if (service.get("build") instanceof Map<?, ?> build && build.get("args") instanceof Map<?, ?> args
					&& args.get("MODULE") != null) {
				lanyard.put(name, String.valueOf(args.get("MODULE")));
			}
		});
		return lanyard;
	}

	private Map<String, String> environment(String service) {
		Object env = this.services.get(service).get("environment");
		Map<String, String> values = new LinkedHashMap<>();
		if (env instanceof Map<?, ?> map) {
			map.forEach((key, value) -> values.put(String.valueOf(key), String.valueOf(value)));
		}
		else if (env instanceof List<?> list) {
			list.stream().map(String::valueOf).forEach((entry) -> {
				int equals = entry.indexOf('=');
				values.put((equals < 0) ? entry : entry.substring(0, equals),
						(equals < 0) ? "" : entry.substring(equals + 1));
			});
		}
		return values;
	}

	/**
	 * What a service binds, relaxed: {@code exact} keys (application.yml leaves) and
	 * {@code parents} (record components and non-record prefixes), which also cover what
	 * is below them.
	 */
	private record Bindable(Set<String> exact, Set<String> parents) {

		boolean binds(String variable) {
			String relaxed = relaxed(variable);
			// Spring also accepts the form without dashes (SIGNIN for sign-in), the only
			// form that reaches map keys such as providers.<name>.issuer
			String squashed = squashed(variable);
			return this.exact.contains(relaxed) || this.exact.stream().anyMatch((key) -> squashed(key).equals(squashed))
					|| this.parents.stream()
						.anyMatch((parent) -> relaxed.equals(parent) || relaxed.startsWith(parent + ".")
								|| squashed.startsWith(squashed(parent)));
		}

		private static String squashed(String name) {
			return name.toLowerCase(Locale.ROOT).replaceAll("[._-]", "");
		}

	}

	private static Bindable bindable(String module) {
		Path moduleDir = ROOT.resolve("services").resolve(module);
		Path applicationYml = moduleDir.resolve("src/main/resources/application.yml");
		assertThat(applicationYml).as("settings of %s", module).isRegularFile();
		List<String> leaves = new ArrayList<>();
		flatten("", new Yaml().load(read(applicationYml)), leaves);
		Set<String> parents = new TreeSet<>();
		propertiesKeys(moduleDir.resolve("src/main/java"), parents);
		if (read(moduleDir.resolve("pom.xml")).contains("<artifactId>lanyard-platform</artifactId>")) {
			propertiesKeys(ROOT.resolve("services/platform/src/main/java"), parents);
		}
		// Spring Boot's KafkaProperties: its security group, and a free map of client
		// settings (sasl.mechanism, sasl.jaas.config ...) every Kafka client gets
		parents.add("spring.kafka.security");
		parents.add("spring.kafka.properties");
		Set<String> exact = new TreeSet<>();
		leaves.forEach((leaf) -> exact.add(relaxed(leaf)));
		return new Bindable(exact, parents);
	}

	private static void flatten(String prefix, Object node, List<String> keys) {
		if (node instanceof Map<?, ?> map) {
			map.forEach(
					(key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value, keys));
		}
		else if (node instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				flatten(prefix + "." + i, list.get(i), keys);
			}
		}
		else {
			keys.add(prefix);
		}
	}

	private static final Pattern PROPERTIES = Pattern
		.compile("@ConfigurationProperties\\(\\s*(?:(?:prefix|value)\\s*=\\s*)?\"([^\"]+)\"\\s*\\)");

	private static final Pattern RECORD_FOLLOWS = Pattern.compile(
			"\\A\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*(?:(?:public|protected|private|static|final)\\s+)*record\\s+\\w+\\s*\\(");

	private static final Pattern COMMENTS = Pattern.compile("(\"(?:\\\\.|[^\"\\\\])*\")|//[^\\n]*|/\\*[\\s\\S]*?\\*/");

	private static void propertiesKeys(Path sources, Set<String> keys) {
		if (!Files.isDirectory(sources)) {
			return;
		}
		try (Stream<Path> files = Files.walk(sources)) {
			files.filter((file) -> file.toString().endsWith(".java")).forEach((file) -> {
				String code = COMMENTS.matcher(read(file))
					.replaceAll((m) -> Matcher.quoteReplacement(Objects.requireNonNullElse(m.group(1), " ")));
				Matcher annotation = PROPERTIES.matcher(code);
				while (annotation.find()) {
					String prefix = relaxed(annotation.group(1));
					Matcher record = RECORD_FOLLOWS.matcher(code).region(annotation.end(), code.length());
					if (record.lookingAt()) {
						components(code, record.end()).forEach((name) -> keys.add(prefix + "." + relaxed(kebab(name))));
					}
					else {
						keys.add(prefix);
					}
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Names of the record components whose list starts at {@code start}. */
	private static List<String> components(String code, int start) {
		List<String> names = new ArrayList<>();
		int depth = 0;
		boolean inString = false;
		StringBuilder component = new StringBuilder();
		for (int i = start; i < code.length(); i++) {
			char c = code.charAt(i);
			if (inString) {
				inString = (c != '"') || code.charAt(i - 1) == '\\';
				continue;
			}
			if (c == '"') {
				inString = true;
			}
			else if (c == '(' || c == '<') {
				depth++;
			}
			else if ((c == ')' || c == '>') && depth > 0) {
				depth--;
			}
			else if ((c == ',' || c == ')') && depth == 0) {
				Matcher name = Pattern.compile("(\\w+)\\s*$").matcher(component);
				if (name.find()) {
					names.add(name.group(1));
				}
				component.setLength(0);
				if (c == ')') {
					return names;
				}
				continue;
			}
			if (depth == 0 && !inString) {
				component.append(c);
			}
		}
		return names;
	}

	private static String kebab(String camel) {
		return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	/** Spring's relaxed form, blind to the difference between "_", "-" and ".". */
	private static String relaxed(String name) {
		return name.toLowerCase(Locale.ROOT).replace('_', '.').replace('-', '.').replaceAll("\\[(\\d+)]", ".$1");
	}

	private static Set<String> serviceModules() {
		try (Stream<Path> modules = Files.list(ROOT.resolve("services"))) {
			Set<String> names = new TreeSet<>();
			modules.filter((dir) -> Files.isRegularFile(dir.resolve("src/main/resources/application.yml")))
				.forEach((dir) -> names.add(dir.getFileName().toString()));
			return names;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> composeServices() {
		Map<String, Object> compose = new Yaml().load(read(ROOT.resolve("docker-compose.yml")));
		return (Map<String, Map<String, Object>>) compose.get("services");
	}

	private static Path onPath(String command) {
		String path = Objects.requireNonNullElse(System.getenv("PATH"), "");
		for (String dir : path.split(java.io.File.pathSeparator)) {
			Path candidate = Path.of(dir, command);
			if (!dir.isEmpty() && Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		return null;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path repositoryRoot() {
		String configured = System.getProperty("lanyard.root");
		if (configured != null && Files.isRegularFile(Path.of(configured, "docker-compose.yml"))) {
			return Path.of(configured).toAbsolutePath().normalize();
		}
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isRegularFile(dir.resolve("mvnw"))) {
				return dir;
			}
		}
		throw new IllegalStateException(
				"No repository root (docker-compose.yml beside mvnw) above " + Path.of("").toAbsolutePath());
	}

}
