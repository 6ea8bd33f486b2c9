package dev.lanyard.audit.ledger.service;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import dev.lanyard.audit.ledger.application.ApplyRetention;
import dev.lanyard.audit.ledger.adapter.jdbc.JdbcRetention;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.time.Instant;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.lanyard.audit.ledger.adapter.jdbc.JdbcLedgerStore;
import dev.lanyard.audit.ledger.application.AppendToLog;
import dev.lanyard.audit.ledger.application.LedgerStore;
import dev.lanyard.audit.ledger.application.LockedLog;
import dev.lanyard.audit.ledger.application.LogSnapshot;
import dev.lanyard.audit.ledger.application.SignCheckpoint;
import dev.lanyard.audit.ledger.domain.Checkpoint;
import dev.lanyard.audit.ledger.domain.CompactRange;
import dev.lanyard.audit.ledger.domain.LedgerRecord;
import dev.lanyard.audit.ledger.domain.MerkleHashes;
import dev.lanyard.audit.ledger.domain.MerkleProofs;
import dev.lanyard.audit.ledger.domain.NodeSource;
import dev.lanyard.audit.ledger.domain.NoteKey;
import dev.lanyard.audit.ledger.domain.SignedNotes;
import dev.lanyard.audit.ledger.domain.StoredCheckpoint;
import dev.lanyard.audit.ledger.domain.StoredLeaf;
import dev.lanyard.audit.trail.TestEvents;
import dev.lanyard.auditverifier.AuditVerifier;
import dev.lanyard.events.TokenIssued;
import dev.lanyard.launcher.Infrastructure;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.testing.infrastructure.ServiceUnderTest;
import dev.lanyard.testing.infrastructure.SharedInfrastructure;
import dev.lanyard.testing.jwt.TestJwks;
import dev.lanyard.testing.kafka.TestKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The tamper-evident log against real Kafka and PostgreSQL: events go in through Kafka,
 * rows are then altered, deleted, inserted and reordered directly in PostgreSQL, and the
 * full check must name exactly that record; bundles are exported over HTTP and checked by
 * the stand-alone verifier in-process. Every tampering is undone before the test ends.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LedgerServiceIT extends ServiceUnderTest {

	private static final Duration EVENTUALLY = Duration.ofSeconds(60);

	private static final TestJwks jwks = new TestJwks("audit");

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	private static TestKafka kafka;

	@Autowired
	private AppendToLog append;

	@Autowired
	private SignCheckpoint sign;

	@Autowired
	private PlatformTransactionManager transactions;

	@TempDir
	Path folder;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure infrastructure = SharedInfrastructure.register(registry, "audit");
		kafka = new TestKafka(infrastructure.kafkaBootstrapServers(), infrastructure.registryUrl());
		registry.add("spring.kafka.consumer.group-id", () -> "audit-ledger-it-" + UUID.randomUUID());
		registry.add("lanyard.audit.issuer", () -> TestJwks.ISSUER);
		registry.add("lanyard.audit.jwk-set-uri", jwks::jwkSetUri);
	}

	@AfterAll
	static void close() {
		if (kafka != null) {
			kafka.close();
		}
		jwks.close();
	}

	@Test
	void verifyFullWhenUntouchedThenOk() throws Exception {
		logged(3);
		JsonNode verdict = getJson("/api/audit/verify/full");
		assertThat(verdict.get("outcome").asString()).as(verdict.toString()).isEqualTo("OK");
	}

	@Test
	void verifyFullWhenPayloadAlteredInPostgresThenAlteredAtThatRecord() throws Exception {
		List<UUID> events = logged(4);
		UUID target = events.get(2);
		String payload = this.jdbc.queryForObject("SELECT payload::text FROM audit_event WHERE event_id = ?",
				String.class, target);
		this.jdbc.update("UPDATE audit_event SET payload = jsonb_set(payload, '{tokenId}', '\"forged\"')"
				+ " WHERE event_id = ?", target);
		try {
			assertFirstFinding("ALTERED", leafIndex(target), target);
		}
		finally {
			this.jdbc.update("UPDATE audit_event SET payload = ?::jsonb WHERE event_id = ?", payload, target);
		}
		assertThat(getJson("/api/audit/verify/full").get("outcome").asString()).isEqualTo("OK");
	}

	@Test
	void verifyFullWhenQueryColumnAlteredInPostgresThenAlteredAtThatRecord() throws Exception {
		// the columns the auditors' filters read: moving a credential to another user
		// would hide it from "everything this person received" with the payload intact
		List<UUID> events = logged(4);
		UUID target = events.get(1);
		String subject = this.jdbc.queryForObject("SELECT subject_id FROM audit_event WHERE event_id = ?", String.class,
				target);
		this.jdbc.update("UPDATE audit_event SET subject_id = 'someone-else' WHERE event_id = ?", target);
		try {
			assertFirstFinding("ALTERED", leafIndex(target), target);
		}
		finally {
			this.jdbc.update("UPDATE audit_event SET subject_id = ? WHERE event_id = ?", subject, target);
		}
		assertThat(getJson("/api/audit/verify/full").get("outcome").asString()).isEqualTo("OK");
	}

	@Test
	void verifyFullWhenRowDeletedInPostgresThenDeletedAtThatRecord() throws Exception {
		List<UUID> events = logged(4);
		UUID target = events.get(1);
		this.jdbc.execute("DROP TABLE IF EXISTS ledger_it_saved");
		this.jdbc.update("CREATE TABLE ledger_it_saved AS SELECT * FROM audit_event WHERE event_id = ?", target);
		this.jdbc.update("DELETE FROM audit_event WHERE event_id = ?", target);
		try {
			assertFirstFinding("DELETED", leafIndex(target), target);
		}
		finally {
			String columns = writableColumns();
			this.jdbc.update("INSERT INTO audit_event (" + columns + ") SELECT " + columns + " FROM ledger_it_saved");
			this.jdbc.update("DELETE FROM ledger_pending WHERE event_id = ?", target);
			this.jdbc.execute("DROP TABLE ledger_it_saved");
		}
		assertThat(getJson("/api/audit/verify/full").get("outcome").asString()).isEqualTo("OK");
	}

	@Test
	void verifyFullWhenRowInsertedBehindTheLogThenInsertedNamingIt() throws Exception {
		List<UUID> events = logged(2);
		UUID intruder = UUID.randomUUID();
		// as a bulk load with triggers off would: the row never reaches the log's queue
		// (every column copied, whatever migrations add)
		String columns = writableColumns();
		this.jdbc.execute("SET session_replication_role = replica;"
				+ " CREATE TEMP TABLE ledger_it_intruder AS SELECT * FROM audit_event WHERE event_id = '"
				+ events.get(0) + "'; UPDATE ledger_it_intruder SET event_id = '" + intruder + "'::uuid;"
				+ " INSERT INTO audit_event (" + columns + ") SELECT " + columns
				+ " FROM ledger_it_intruder; DROP TABLE ledger_it_intruder;"
				+ " SET session_replication_role = DEFAULT");
		try {
			assertFirstFinding("INSERTED", null, intruder);
		}
		finally {
			this.jdbc.update("DELETE FROM audit_event WHERE event_id = ?", intruder);
		}
		assertThat(getJson("/api/audit/verify/full").get("outcome").asString()).isEqualTo("OK");
	}

	@Test
	void verifyFullWhenTwoRowsSwappedInPostgresThenReorderedAtTheFirst() throws Exception {
		List<UUID> events = logged(5);
		long first = leafIndex(events.get(1));
		long second = leafIndex(events.get(3));
		swap(first, second);
		try {
			assertFirstFinding("REORDERED", first, events.get(3));
		}
		finally {
			swap(first, second);
		}
		assertThat(getJson("/api/audit/verify/full").get("outcome").asString()).isEqualTo("OK");
	}

	@Test
	void verifyWhenRangeThenInclusionAndConsistencyProofsCheck() throws Exception {
		logged(2);
		long firstSize = latestSize();
		List<UUID> events = logged(3);
		long from = leafIndex(events.get(0));
		JsonNode proofs = getJson("/api/audit/verify?from=" + from + "&to=" + (from + 3));
		JsonNode checkpoint = proofs.get("checkpoint");
		long size = checkpoint.get("treeSize").asLong();
		byte[] root = Base64.getDecoder().decode(checkpoint.get("rootHash").asString());
		assertThat(proofs.get("records")).hasSize(3);
		for (JsonNode record : proofs.get("records")) {
			byte[] leafHash = Base64.getDecoder().decode(record.get("leafHash").asString());
			assertThat(MerkleHashes.leaf(record.get("leafData").asString().getBytes(StandardCharsets.UTF_8)))
				.isEqualTo(leafHash);
			assertThat(MerkleProofs.verifyInclusion(record.get("leafIndex").asLong(), size, leafHash,
					hashes(record.get("inclusionProof")), root))
				.isTrue();
		}
		assertThat(proofs.get("records").get(0).get("eventId").asString()).isEqualTo(events.get(0).toString());
		JsonNode consistency = proofs.get("consistency");
		long baseSize = consistency.get("from").get("treeSize").asLong();
		assertThat(baseSize).isBetween(firstSize, from);
		assertThat(MerkleProofs.verifyConsistency(baseSize, size,
				Base64.getDecoder().decode(consistency.get("from").get("rootHash").asString()), root,
				hashes(consistency.get("proof"))))
			.isTrue();
	}

	@Test
	void publicKeyAndLatestCheckpointWhenAnonymousThenServedAndNoteVerifies() throws Exception {
		logged(1);
		HttpResponse<String> key = get("/api/audit/ledger/public-key", null);
		assertThat(key.statusCode()).isEqualTo(200);
		NoteKey noteKey = NoteKey.parse(json.readTree(key.body()).get("verifierKey").asString());
		HttpResponse<String> latest = get("/api/audit/checkpoints/latest", null);
		assertThat(latest.statusCode()).isEqualTo(200);
		JsonNode checkpoint = json.readTree(latest.body());
		Checkpoint stated = Checkpoint.parse(SignedNotes.open(checkpoint.get("note").asString(), noteKey));
		assertThat(stated.size()).isEqualTo(checkpoint.get("treeSize").asLong());
		assertThat(get("/api/audit/verify/full", null).statusCode()).isEqualTo(401);
	}

	@Test
	void bundleWhenExportedThenOfflineVerifierPassesAndOneChangedByteFailsNamingTheRecord() throws Exception {
		List<UUID> events = logged(3);
		long from = leafIndex(events.get(0));
		Path bundle = download("/api/audit/bundle?from=" + from + "&to=" + (from + 3));
		String key = json.readTree(get("/api/audit/ledger/public-key", null).body()).get("verifierKey").asString();
		assertThat(verifier(bundle, key)).startsWith("0 OK: 3 records");

		byte[] bytes = Files.readAllBytes(bundle);
		String text = new String(bytes, StandardCharsets.UTF_8);
		int lineEnd = text.indexOf("\"i\":" + (from + 1) + ",\"type\":\"record\"}");
		int at = text.indexOf("jti-", text.lastIndexOf('\n', lineEnd));
		bytes[at] ^= 0x01;
		Path changed = this.folder.resolve("changed.ndjson");
		Files.write(changed, bytes);
		assertThat(verifier(changed, key))
			.startsWith("1 TAMPERED: ALTERED at leaf " + (from + 1) + " (event " + events.get(1) + ")");
	}

	@Test
	void bundleWhenRowAlteredInPostgresThenOfflineVerifierNamesIt() throws Exception {
		List<UUID> events = logged(2);
		UUID target = events.get(1);
		String payload = this.jdbc.queryForObject("SELECT payload::text FROM audit_event WHERE event_id = ?",
				String.class, target);
		this.jdbc.update("UPDATE audit_event SET payload = jsonb_set(payload, '{scopes}', '[\"admin\"]')"
				+ " WHERE event_id = ?", target);
		try {
			long from = leafIndex(events.get(0));
			Path bundle = download("/api/audit/bundle?from=" + from + "&to=" + (from + 2));
			String key = json.readTree(get("/api/audit/ledger/public-key", null).body()).get("verifierKey").asString();
			assertThat(verifier(bundle, key))
				.startsWith("1 TAMPERED: ALTERED at leaf " + (from + 1) + " (event " + target + ")");
		}
		finally {
			this.jdbc.update("UPDATE audit_event SET payload = ?::jsonb WHERE event_id = ?", payload, target);
		}
	}

	@Test
	void retentionWhenAWholeDayIsOlderThanThePeriodThenItsRecordsGoAndVerificationStillPasses() throws Exception {
		// a day no other test writes: only these records are old enough
		Instant day = Instant.parse("2001-02-03T00:00:00Z");
		List<UUID> old = logged(3, day.plusSeconds(3600));
		List<UUID> kept = logged(1);
		ApplyRetention retention = new ApplyRetention(new JdbcRetention(this.jdbc, this.transactions),
				Duration.ofDays(1), Clock.fixed(day.plus(Duration.ofDays(2)).plusSeconds(5), ZoneOffset.UTC));

		List<ApplyRetention.Removal> removals = retention.run();

		assertThat(removals).containsExactly(new ApplyRetention.Removal(LocalDate.parse("2001-02-03"), 3));
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE event_id = ANY (?::uuid[])",
				Integer.class, (Object) ids(old)))
			.isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM ledger_leaf WHERE event_id = ANY (?::uuid[])",
				Integer.class, (Object) ids(old)))
			.as("the leaves stay")
			.isEqualTo(3);
		String record = this.jdbc.queryForObject(
				"SELECT payload::text FROM audit_event WHERE event_type = 'RetentionApplied' AND correlation_id = ?",
				String.class, "retention-2001-02-03");
		assertThat(record).contains("\"removed\": 3").contains("\"day\": \"2001-02-03\"");
		assertThat(retention.run()).as("nothing left to remove").isEmpty();
		await().atMost(EVENTUALLY).until(() -> {
			this.append.appendPending();
			return this.jdbc.queryForObject("SELECT count(*) FROM ledger_pending", Integer.class) == 0;
		});
		this.sign.signNow();

		JsonNode verdict = getJson("/api/audit/verify/full");
		assertThat(verdict.get("outcome").asString()).as(verdict.toString()).isEqualTo("OK");
		assertThat(verdict.get("detail").asString()).contains("removed by retention");
		long from = leafIndex(old.get(0));
		long to = leafIndex(kept.get(0)) + 1;
		Path bundle = download("/api/audit/bundle?from=" + from + "&to=" + to);
		String key = json.readTree(get("/api/audit/ledger/public-key", null).body()).get("verifierKey").asString();
		assertThat(verifier(bundle, key))
			.startsWith("0 OK: " + (to - from) + " records (3 of them removed by retention");
	}

	@Test
	void appendWhenInterruptedMidBatchThenNothingKeptAndNextRunAppendsEachOnce() throws Exception {
		JdbcLedgerStore real = new JdbcLedgerStore(this.jdbc, this.transactions);
		List<UUID> mine = new ArrayList<>();
		AtomicBoolean crashedWithMine = new AtomicBoolean();
		// another appender (this JVM's other service contexts) may take the events first:
		// try again
		for (int attempt = 0; attempt < 5 && !crashedWithMine.get(); attempt++) {
			mine.clear();
			for (int i = 0; i < 3; i++) {
				mine.add(UUID.randomUUID());
			}
			for (UUID id : mine) {
				this.jdbc.update("INSERT INTO audit_event (event_id, event_type, topic, kafka_partition, kafka_offset,"
						+ " occurred_at, correlation_id, producer, payload, outcome) VALUES (?, 'TokenIssued', 'crash-test',"
						+ " 0, 0, now(), 'corr', 'test', '{\"n\": 1}'::jsonb, 'success')", id);
			}
			LedgerStore crashing = new CrashingStore(real, mine, crashedWithMine);
			try {
				new AppendToLog(crashing, 10_000).appendPending();
			}
			catch (IllegalStateException ex) {
				assertThat(ex).hasMessage("simulated crash after the leaves were written");
			}
		}
		assertThat(crashedWithMine).as("the interrupted run had the test's events").isTrue();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM ledger_leaf WHERE event_id = ANY (?::uuid[])",
				Integer.class, (Object) ids(mine)))
			.isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM ledger_pending WHERE event_id = ANY (?::uuid[])",
				Integer.class, (Object) ids(mine)))
			.isEqualTo(3);
		this.append.appendPending();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM ledger_leaf WHERE event_id = ANY (?::uuid[])",
				Integer.class, (Object) ids(mine)))
			.isEqualTo(3);
		this.sign.signNow();
		assertThat(getJson("/api/audit/verify/full").get("outcome").asString()).isEqualTo("OK");
	}

	private static String[] ids(List<UUID> ids) {
		return ids.stream().map(UUID::toString).toArray(String[]::new);
	}

	/** Fails each append after it wrote everything, before the transaction commits. */
	private record CrashingStore(LedgerStore real, List<UUID> watched,
			AtomicBoolean crashedWithWatched) implements LedgerStore {

		@Override
		public <T> T locked(Function<LockedLog, T> work) {
			return this.real.locked((log) -> work.apply(new LockedLog() {

				@Override
				public long size() {
					return log.size();
				}

				@Override
				public byte[] root() {
					return log.root();
				}

				@Override
				public NodeSource nodes() {
					return log.nodes();
				}

				@Override
				public List<LedgerRecord> pending(int limit) {
					return log.pending(limit);
				}

				@Override
				public void append(List<Leaf> leaves, List<CompactRange.Node> nodes, byte[] newRoot) {
					log.append(leaves, nodes, newRoot);
					if (leaves.stream()
						.anyMatch((leaf) -> CrashingStore.this.watched.contains(leaf.record().eventId()))) {
						CrashingStore.this.crashedWithWatched.set(true);
					}
					throw new IllegalStateException("simulated crash after the leaves were written");
				}

				@Override
				public Optional<StoredCheckpoint> latestCheckpoint() {
					return log.latestCheckpoint();
				}

				@Override
				public void saveCheckpoint(StoredCheckpoint checkpoint) {
					log.saveCheckpoint(checkpoint);
				}

			}));
		}

		@Override
		public <T> T snapshot(Function<LogSnapshot, T> work) {
			return this.real.snapshot(work);
		}

		@Override
		public List<StoredLeaf> retentionLeaves(long size) {
			return this.real.retentionLeaves(size);
		}

		@Override
		public Optional<StoredCheckpoint> latestCheckpoint() {
			return this.real.latestCheckpoint();
		}

		@Override
		public Optional<StoredCheckpoint> checkpointBefore(long size) {
			return this.real.checkpointBefore(size);
		}

		@Override
		public Map<NodeId, byte[]> nodes(Collection<NodeId> ids) {
			return this.real.nodes(ids);
		}

		@Override
		public void leaves(long from, long to, Consumer<StoredLeaf> each) {
			this.real.leaves(from, to, each);
		}

	}

	/** Sends events, waits until they are leaves, and signs a checkpoint over them. */
	private List<UUID> logged(int count) throws Exception {
		return logged(count, TestEvents.NOW);
	}

	private List<UUID> logged(int count, Instant occurredAt) throws Exception {
		String subject = "content-" + UUID.randomUUID();
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			TokenIssued event = TestEvents.tokenIssued()
				.setSubjectId(subject)
				.setTokenId("jti-" + i)
				.setOccurredAt(occurredAt.plusSeconds(i))
				.build();
			kafka.send(Topics.TOKEN_ISSUED.name(), 0, subject, event);
			ids.add(event.getEventId());
		}
		await().atMost(EVENTUALLY).until(() -> {
			this.append.appendPending();
			return this.jdbc.queryForObject("SELECT count(*) FROM ledger_leaf WHERE event_id = ANY (?::uuid[])",
					Integer.class, (Object) ids.stream().map(UUID::toString).toArray(String[]::new)) == count;
		});
		this.sign.signNow();
		ids.sort((a, b) -> Long.compare(leafIndex(a), leafIndex(b)));
		return ids;
	}

	private void assertFirstFinding(String outcome, Long leafIndex, UUID eventId) throws Exception {
		JsonNode verdict = getJson("/api/audit/verify/full");
		assertThat(verdict.get("outcome").asString()).as(verdict.toString()).isEqualTo(outcome);
		if (leafIndex != null) {
			assertThat(verdict.get("leafIndex").asLong()).as(verdict.toString()).isEqualTo(leafIndex);
		}
		assertThat(verdict.get("eventId").asString()).as(verdict.toString()).isEqualTo(eventId.toString());
	}

	private long leafIndex(UUID eventId) {
		return this.jdbc.queryForObject("SELECT leaf_index FROM ledger_leaf WHERE event_id = ?", Long.class, eventId);
	}

	private long latestSize() {
		return this.jdbc.queryForObject("SELECT max(tree_size) FROM ledger_checkpoint", Long.class);
	}

	/**
	 * audit_event's columns in order, without the generated ones (PostgreSQL computes
	 * them and refuses a value for them): what copying a row back has to name.
	 */
	private String writableColumns() {
		return String.join(", ", this.jdbc.queryForList("SELECT column_name FROM information_schema.columns"
				+ " WHERE table_schema = current_schema() AND table_name = 'audit_event' AND is_generated = 'NEVER'"
				+ " ORDER BY ordinal_position", String.class));
	}

	private void swap(long first, long second) {
		UUID a = this.jdbc.queryForObject("SELECT event_id FROM ledger_leaf WHERE leaf_index = ?", UUID.class, first);
		UUID b = this.jdbc.queryForObject("SELECT event_id FROM ledger_leaf WHERE leaf_index = ?", UUID.class, second);
		this.jdbc.update("UPDATE ledger_leaf SET event_id = ? WHERE leaf_index = ?", UUID.randomUUID(), first);
		this.jdbc.update("UPDATE ledger_leaf SET event_id = ? WHERE leaf_index = ?", a, second);
		this.jdbc.update("UPDATE ledger_leaf SET event_id = ? WHERE leaf_index = ?", b, first);
	}

	private static List<byte[]> hashes(JsonNode array) {
		List<byte[]> hashes = new ArrayList<>();
		array.forEach((item) -> hashes.add(Base64.getDecoder().decode(item.asString())));
		return hashes;
	}

	private static String verifier(Path bundle, String key) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int code = AuditVerifier.run(new String[] { bundle.toString(), "--key", key },
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(OutputStream.nullOutputStream()));
		return code + " " + out.toString(StandardCharsets.UTF_8).strip();
	}

	private Path download(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Authorization", "Bearer " + jwks.token("auditor-client", "auditor"))
			.timeout(Duration.ofSeconds(30))
			.GET()
			.build();
		Path file = this.folder.resolve("bundle-" + UUID.randomUUID() + ".ndjson");
		HttpResponse<Path> response = http.send(request, HttpResponse.BodyHandlers.ofFile(file));
		assertThat(response.statusCode()).as(Files.readString(file)).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/x-ndjson"));
		return file;
	}

	private JsonNode getJson(String path) throws Exception {
		HttpResponse<String> response = get(path, jwks.token("auditor-client", "auditor"));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private HttpResponse<String> get(String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
