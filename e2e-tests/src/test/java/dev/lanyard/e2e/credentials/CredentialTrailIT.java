package dev.lanyard.e2e.credentials;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import dev.lanyard.e2e.support.SharedEnsemble;
import dev.lanyard.launcher.ClientCredentials;
import dev.lanyard.launcher.Ensemble;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole ensemble, started with the launcher's own code, driven through auth-gateway:
 * every content session token issued has exactly one audit record, and no token is handed
 * out while Kafka cannot acknowledge.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CredentialTrailIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static Ensemble ensemble;

	private static String gateway;

	@BeforeAll
	static void startEnsemble() {
		ensemble = SharedEnsemble.get();
		gateway = ensemble.endpoints().gatewayUrl();
	}

	@Test
	@Order(1)
	void tokenEndpointWhenHundredTokensIssuedThenExactlyHundredAuditRecordsWithinTenSeconds() throws Exception {
		List<String> hashes = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			HttpResponse<String> response = requestToken(ensemble.demoContent());
			assertThat(response.statusCode()).isEqualTo(200);
			hashes.add(sha256(JSON.readTree(response.body()).get("access_token").asString()));
		}
		String auditor = token(ensemble.demoAuditor());
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		Set<String> found = auditedHashes(auditor, hashes);
		while (found.size() < hashes.size() && System.nanoTime() < deadline) {
			Thread.sleep(200);
			found = auditedHashes(auditor, hashes);
		}
		assertThat(found).containsExactlyInAnyOrderElementsOf(hashes);
		for (String hash : hashes.subList(0, 5)) {
			assertThat(eventsFor(auditor, hash)).hasSize(1);
		}
	}

	@Test
	@Order(2)
	void tokenEndpointWhenKafkaDownThenTemporarilyUnavailableAndResumesAfterRestart() throws Exception {
		String auditor = token(ensemble.demoAuditor());
		ensemble.stopKafka();
		try {
			HttpResponse<String> refused = requestToken(ensemble.demoContent());
			assertThat(refused.statusCode()).isEqualTo(503);
			assertThat(refused.body()).contains("temporarily_unavailable").doesNotContain("access_token");
		}
		finally {
			ensemble.startKafka();
		}
		List<String> hashes = new ArrayList<>();
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (hashes.size() < 10 && System.nanoTime() < deadline) {
			HttpResponse<String> response = requestToken(ensemble.demoContent());
			if (response.statusCode() == 200) {
				hashes.add(sha256(JSON.readTree(response.body()).get("access_token").asString()));
			}
			else {
				Thread.sleep(500);
			}
		}
		assertThat(hashes).hasSize(10);
		long auditDeadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		Set<String> found = auditedHashes(auditor, hashes);
		while (found.size() < hashes.size() && System.nanoTime() < auditDeadline) {
			Thread.sleep(250);
			found = auditedHashes(auditor, hashes);
		}
		assertThat(found).containsExactlyInAnyOrderElementsOf(hashes);
		for (String hash : hashes) {
			assertThat(eventsFor(auditor, hash)).as("audit records of one token").hasSize(1);
		}
	}

	@Test
	@Order(3)
	void tokenIssuedRecordWhenSchemaLookedUpThroughConfluentApiThenDecodes() throws Exception {
		String hash = sha256(token(ensemble.demoContent()));
		Map<String, Object> props = new java.util.HashMap<>(ensemble.endpoints().kafkaClientProperties());
		props.putAll(Map.of("group.id", "e2e-ccompat-" + UUID.randomUUID(), "auto.offset.reset", "earliest",
				"key.deserializer", StringDeserializer.class.getName(), "value.deserializer",
				ByteArrayDeserializer.class.getName()));
		GenericRecord match = null;
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
			consumer.subscribe(List.of("lanyard.credentials.token-issued.v1"));
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (match == null && System.nanoTime() < deadline) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					GenericRecord decoded = decodeThroughCcompat(record.value());
					if (hash.equals(decoded.get("tokenSha256").toString())) {
						match = decoded;
					}
				}
			}
		}
		assertThat(match).as("TokenIssued decoded with the schema served by /apis/ccompat/v7").isNotNull();
		assertThat(match.get("subjectId").toString()).isEqualTo(ensemble.demoContent().clientId());
		assertThat(match.get("tokenType").toString()).isEqualTo("content-session");
	}

	/**
	 * Confluent wire format: magic byte 0, a 4-byte schema id, then the Avro binary body.
	 */
	private static GenericRecord decodeThroughCcompat(byte[] value) throws Exception {
		ByteBuffer buffer = ByteBuffer.wrap(value);
		assertThat(buffer.get()).as("magic byte").isZero();
		int schemaId = buffer.getInt();
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(ensemble.endpoints().registryUrl() + "/apis/ccompat/v7/schemas/ids/" + schemaId))
			.timeout(Duration.ofSeconds(10))
			.GET()
			.build();
		HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		Schema schema = new Schema.Parser().parse(JSON.readTree(response.body()).get("schema").asString());
		return new GenericDatumReader<GenericRecord>(schema).read(null,
				DecoderFactory.get().binaryDecoder(value, buffer.position(), value.length - buffer.position(), null));
	}

	private static Set<String> auditedHashes(String auditor, List<String> hashes) throws Exception {
		Set<String> wanted = new HashSet<>(hashes);
		Set<String> found = new HashSet<>();
		String cursor = null;
		for (int page = 0; page < 20; page++) {
			String query = "/api/audit/events?subject=" + ensemble.demoContent().clientId()
					+ "&tokenType=content-session&limit=500" + ((cursor != null) ? "&cursor=" + cursor : "");
			JsonNode body = get(auditor, query);
			for (JsonNode event : body.get("events")) {
				String hash = event.get("tokenSha256").asString();
				if (wanted.contains(hash)) {
					found.add(hash);
				}
			}
			JsonNode next = body.get("nextCursor");
			if (next == null || next.isNull()) {
				break;
			}
			cursor = next.asString();
		}
		return found;
	}

	private static JsonNode eventsFor(String auditor, String hash) throws Exception {
		return get(auditor, "/api/audit/events?tokenSha256=" + hash).get("events");
	}

	private static JsonNode get(String bearer, String pathAndQuery) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + pathAndQuery))
			.header("Authorization", "Bearer " + bearer)
			.timeout(Duration.ofSeconds(10))
			.GET()
			.build();
		HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static String token(ClientCredentials client) throws Exception {
		HttpResponse<String> response = requestToken(client);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body()).get("access_token").asString();
	}

	// Issue 16: one request's trace follows it from the gateway through token-broker and
	// Kafka's record headers to its audit record, which an operator can then join to the
	// traces of every service.
	@Test
	@Order(0)
	void tokenEndpointWhenRequestCarriesTraceparentThenItsAuditRecordHasThatTraceId() throws Exception {
		byte[] random = new byte[16];
		new java.security.SecureRandom().nextBytes(random);
		String traceId = HexFormat.of().formatHex(random);
		HttpResponse<String> response = requestToken(ensemble.demoContent(), "00-" + traceId + "-00f067aa0ba902b7-01");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		String hash = sha256(JSON.readTree(response.body()).get("access_token").asString());
		String auditor = token(ensemble.demoAuditor());
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		JsonNode events = eventsFor(auditor, hash);
		while (events.isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(200);
			events = eventsFor(auditor, hash);
		}
		assertThat(events).as("the TokenIssued record of the token").hasSize(1);
		assertThat(events.get(0).path("traceId").asString(null)).isEqualTo(traceId);
	}

	private static HttpResponse<String> requestToken(ClientCredentials client) throws Exception {
		return requestToken(client, null);
	}

	private static HttpResponse<String> requestToken(ClientCredentials client, String traceparent) throws Exception {
		String basic = Base64.getEncoder()
			.encodeToString((client.clientId() + ":" + client.clientSecret()).getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + "/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.timeout(Duration.ofSeconds(20))
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"));
		if (traceparent != null) {
			request.header("traceparent", traceparent);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String sha256(String value) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
	}

}
