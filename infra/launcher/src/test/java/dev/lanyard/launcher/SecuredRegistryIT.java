package dev.lanyard.launcher;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.lanyard.events.TokenIssued;
import dev.lanyard.launcher.layout.Distribution;
import dev.lanyard.launcher.layout.RepositoryRoot;
import dev.lanyard.launcher.process.Folders;
import dev.lanyard.launcher.process.Waits;
import dev.lanyard.launcher.registry.ApicurioRegistry;
import dev.lanyard.launcher.registry.RegistryClient;
import dev.lanyard.launcher.registry.RegistryWriteAccess;
import dev.lanyard.launcher.registry.SchemaRegistration;
import dev.lanyard.launcher.settings.StateDirectory;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.platform.registry.AvroSerdes;
import dev.lanyard.platform.registry.RegistryProperties;
import dev.lanyard.schemas.EventSchemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The registry as {@code bin/lanyard up} starts it (a real Apicurio Registry 3.0.9 with
 * the launcher's write key), attacked over HTTP the way anyone on the machine could: a
 * new version of UserChanged's schema, its compatibility rule dropped or loosened, the
 * registry's own settings changed. Each must be refused and change nothing, while the
 * launcher's token writes and anonymous readers (the services' serdes) still read.
 */
class SecuredRegistryIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String USER_CHANGED = Topics.USER_CHANGED.valueSubject();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static ApicurioRegistry registry;

	private static RegistryWriteAccess writeAccess;

	private static Path log;

	@BeforeAll
	static void startSecuredRegistry() {
		Path home = Path.of(System.getProperty("user.dir")).resolve("target/secured-registry");
		Folders.deleteRecursively(home);
		writeAccess = RegistryWriteAccess.loadOrCreate(new StateDirectory(home.resolve("state")));
		log = home.resolve("apicurio.log");
		registry = new ApicurioRegistry(Waits.freePort(), new Distribution(RepositoryRoot.locate()).apicurioRunner(),
				home.resolve("apicurio"), log, false, writeAccess, null);
		registry.start(Duration.ofSeconds(180));
		SchemaRegistration.registerAll(registry.url(), Duration.ofSeconds(60), writeAccess, (message) -> {
		});
	}

	@AfterAll
	static void stopRegistry() {
		if (registry != null) {
			registry.stop();
		}
	}

	@Test
	void postWhenAnonymousRegistersNewUserChangedVersionThenRefusedAndVersionsUnchanged() throws Exception {
		HttpResponse<String> forged = send(ccompat("/subjects/" + encode(USER_CHANGED) + "/versions"), "POST",
				Map.of("schema", forgedUserChanged()), null);

		assertThat(forged.statusCode()).as(forged.body()).isIn(401, 403);
		assertThat(versionsOfUserChanged()).isEqualTo("[1]");
	}

	@Test
	void postWhenTokenSignedByAnotherKeyThenRefusedAndVersionsUnchanged() throws Exception {
		String foreign = RegistryWriteAccess.generate().bearerToken();

		HttpResponse<String> forged = send(ccompat("/subjects/" + encode(USER_CHANGED) + "/versions"), "POST",
				Map.of("schema", forgedUserChanged()), foreign);

		assertThat(forged.statusCode()).as(forged.body()).isIn(401, 403);
		assertThat(versionsOfUserChanged()).isEqualTo("[1]");
	}

	@Test
	void postWhenTokenRefusedThenRegistryLogsNoToken() throws Exception {
		String foreign = RegistryWriteAccess.generate().bearerToken();

		send(ccompat("/subjects/" + encode(USER_CHANGED) + "/versions"), "POST", Map.of("schema", forgedUserChanged()),
				foreign);

		assertThat(Files.readString(log)).doesNotContain(foreign.substring(foreign.lastIndexOf('.') + 1));
	}

	@Test
	void putWhenAnonymousLoosensCompatibilityThenRefusedAndRuleKept() throws Exception {
		HttpResponse<String> loosened = send(ccompat("/config/" + encode(USER_CHANGED)), "PUT",
				Map.of("compatibility", "NONE"), null);

		assertThat(loosened.statusCode()).as(loosened.body()).isIn(401, 403);
		assertThat(compatibilityOfUserChanged()).contains(SchemaRegistration.COMPATIBILITY);
	}

	@Test
	void deleteWhenAnonymousDropsCompatibilityRuleThenRefusedAndRuleKept() throws Exception {
		HttpResponse<String> dropped = send(v3("/groups/default/artifacts/" + encode(USER_CHANGED) + "/rules"),
				"DELETE", null, null);

		assertThat(dropped.statusCode()).as(dropped.body()).isIn(401, 403);
		assertThat(compatibilityOfUserChanged()).contains(SchemaRegistration.COMPATIBILITY);
	}

	@Test
	void putWhenAnonymousEnablesArtifactDeletionThenRefused() throws Exception {
		HttpResponse<String> enabled = send(v3("/admin/config/properties/apicurio.rest.deletion.artifact.enabled"),
				"PUT", Map.of("name", "apicurio.rest.deletion.artifact.enabled", "value", "true"), null);

		assertThat(enabled.statusCode()).as(enabled.body()).isIn(401, 403);
	}

	@Test
	void postWhenAnonymousCreatesArtifactThroughV3ThenRefusedAndNothingCreated() throws Exception {
		String artifactId = "forged-" + UUID.randomUUID();
		HttpResponse<String> created = send(v3("/groups/default/artifacts"), "POST",
				Map.of("artifactId", artifactId, "artifactType", "AVRO", "firstVersion",
						Map.of("content", Map.of("content", "\"string\"", "contentType", "application/json"))),
				null);

		assertThat(created.statusCode()).as(created.body()).isIn(401, 403);
		assertThat(send(v3("/groups/default/artifacts/" + artifactId), "GET", null, null).statusCode()).isEqualTo(404);
	}

	@Test
	void registerSchemaWhenLauncherTokenThenRegistered() {
		String subject = "secured-registry-it-" + UUID.randomUUID() + "-value";

		int id = new RegistryClient(registry.url(), writeAccess::bearerToken).registerSchema(subject,
				EventSchemas.text(Topics.TOKEN_ISSUED.schemaName()));

		assertThat(id).isPositive();
		assertThat(new RegistryClient(registry.url()).subjects()).contains("\"" + subject + "\"");
	}

	@Test
	void serializeWhenServicesSerdesReadAnonymouslyThenRoundTrips() {
		RegistryProperties properties = new RegistryProperties(URI.create(registry.url()), false);
		TokenIssued event = TestEvents.tokenIssued("c-" + UUID.randomUUID());
		try (AvroKafkaSerializer<TokenIssued> serializer = new AvroKafkaSerializer<>();
				AvroKafkaDeserializer<TokenIssued> deserializer = new AvroKafkaDeserializer<>()) {
			serializer.configure(AvroSerdes.producerProperties(properties), false);
			deserializer.configure(AvroSerdes.consumerProperties(properties), false);

			byte[] bytes = serializer.serialize(Topics.TOKEN_ISSUED.name(), event);

			assertThat(deserializer.deserialize(Topics.TOKEN_ISSUED.name(), bytes)).isEqualTo(event);
		}
	}

	@Test
	void serializeWhenSerdesMayAutoRegisterThenRefused() {
		RegistryProperties properties = new RegistryProperties(URI.create(registry.url()), true);
		TokenIssued event = TestEvents.tokenIssued("c-" + UUID.randomUUID());
		try (AvroKafkaSerializer<TokenIssued> serializer = new AvroKafkaSerializer<>()) {
			serializer.configure(AvroSerdes.producerProperties(properties), false);

			assertThatThrownBy(() -> serializer.serialize(Topics.TOKEN_ISSUED.name(), event))
				.hasStackTraceContaining("401");
		}
	}

	/**
	 * UserChanged with one more optional field: compatible, so only authorization stops
	 * it.
	 */
	private static String forgedUserChanged() {
		ObjectNode schema = (ObjectNode) JSON.readTree(EventSchemas.text(Topics.USER_CHANGED.schemaName()));
		schema.withArray("fields")
			.add(JSON.createObjectNode().put("name", "forged").put("type", "string").put("default", ""));
		return JSON.writeValueAsString(schema);
	}

	private static String versionsOfUserChanged() throws Exception {
		HttpResponse<String> response = send(ccompat("/subjects/" + encode(USER_CHANGED) + "/versions"), "GET", null,
				null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body().replace(" ", "");
	}

	private static String compatibilityOfUserChanged() throws Exception {
		HttpResponse<String> response = send(ccompat("/config/" + encode(USER_CHANGED)), "GET", null, null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	private static HttpResponse<String> send(URI uri, String method, Object body, String bearerToken) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))
					: HttpRequest.BodyPublishers.noBody());
		if (bearerToken != null) {
			request.header("Authorization", "Bearer " + bearerToken);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static URI ccompat(String path) {
		return URI.create(registry.url() + "/apis/ccompat/v7" + path);
	}

	private static URI v3(String path) {
		return URI.create(registry.url() + "/apis/registry/v3" + path);
	}

	private static String encode(String segment) {
		return URLEncoder.encode(segment, StandardCharsets.UTF_8);
	}

}
