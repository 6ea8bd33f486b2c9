package dev.lanyard.launcher.registry;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import dev.lanyard.launcher.layout.Distribution;
import dev.lanyard.launcher.layout.RepositoryRoot;
import dev.lanyard.launcher.postgres.EmbeddedPostgresServer;
import dev.lanyard.launcher.postgres.PostgresBinaries;
import dev.lanyard.launcher.postgres.PostgresDatabases;
import dev.lanyard.launcher.process.Folders;
import dev.lanyard.launcher.process.Waits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher's registry keeps the content ids it gave out across a restart, as Kafka's
 * records, which name their writer schema by content id, outlive it.
 */
class ApicurioRegistryStorageIT {

	private static final Duration TIMEOUT = Duration.ofMinutes(3);

	private static final String SUBJECT = "lanyard.test.thing-changed.v1-value";

	private static final String V1 = """
			{"type":"record","name":"ThingChanged","namespace":"dev.lanyard.test",
			 "fields":[{"name":"id","type":"string"}]}""";

	private static final String V2 = """
			{"type":"record","name":"ThingChanged","namespace":"dev.lanyard.test",
			 "fields":[{"name":"id","type":"string"},{"name":"note","type":["null","string"],"default":null}]}""";

	private final Path home = Path.of("target/registry-storage")
		.toAbsolutePath()
		.resolve(Long.toString(System.nanoTime()));

	private final Distribution distribution = new Distribution(RepositoryRoot.locate());

	private final HttpClient http = HttpClient.newHttpClient();

	private EmbeddedPostgresServer postgres;

	private ApicurioRegistry registry;

	@AfterEach
	void stop() {
		if (this.registry != null) {
			this.registry.stop();
		}
		if (this.postgres != null) {
			this.postgres.close();
		}
		Folders.deleteRecursively(this.home);
	}

	@Test
	void restartWhenSchemaChangedSinceThenOldRecordsIdStillNamesTheSchemaTheyWereWrittenWith() throws Exception {
		this.postgres = EmbeddedPostgresServer.start(0, this.home.resolve("postgres"), true,
				PostgresBinaries.fromEnvironment(System.getenv()), UUID.randomUUID().toString());
		PostgresDatabases databases = this.postgres.databases();
		databases.ensure(ApicurioRegistry.SqlStorage.DATABASE);
		int port = Waits.freePort();
		ApicurioRegistry.SqlStorage storage = new ApicurioRegistry.SqlStorage(
				databases.jdbcUrl(ApicurioRegistry.SqlStorage.DATABASE), databases.user(), databases.password());

		this.registry = start(port, storage);
		int v1 = new RegistryClient(this.registry.url()).registerSchema(SUBJECT, V1);
		this.registry.stop();

		// the next start of a newer Lanyard: its schema has gained a field
		this.registry = start(port, storage);
		RegistryClient client = new RegistryClient(this.registry.url());
		int v2 = client.registerSchema(SUBJECT, V2);

		assertThat(v2).isNotEqualTo(v1);
		assertThat(content(v1)).contains("\"id\"").doesNotContain("note");
		assertThat(client.registerSchema(SUBJECT, V1)).isEqualTo(v1);
	}

	private ApicurioRegistry start(int port, ApicurioRegistry.SqlStorage storage) {
		ApicurioRegistry started = new ApicurioRegistry(port, this.distribution.apicurioRunner(),
				this.home.resolve("apicurio"), this.home.resolve("apicurio.log"), false, null, storage);
		started.start(TIMEOUT);
		return started;
	}

	private String content(int contentId) throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest
			.newBuilder(URI.create(this.registry.url() + "/apis/registry/v3/ids/contentIds/" + contentId))
			.timeout(Duration.ofSeconds(10))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

}
