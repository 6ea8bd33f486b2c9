package dev.lanyard.audit.ledger.application;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.lanyard.audit.ledger.domain.Checkpoint;
import dev.lanyard.audit.ledger.domain.LedgerRecord;
import dev.lanyard.audit.ledger.domain.MerkleHashes;
import dev.lanyard.audit.ledger.domain.NoteKey;
import dev.lanyard.audit.ledger.domain.NoteSigner;
import dev.lanyard.audit.ledger.domain.SignedNotes;
import dev.lanyard.audit.ledger.domain.StoredCheckpoint;
import dev.lanyard.audit.ledger.domain.Verdict;
import dev.lanyard.auditverifier.AuditVerifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The appender, signer, full check and bundle export over an in-memory store, and the
 * stand-alone verifier run in-process on the exported bundles.
 */
class LedgerUseCasesTest {

	private static final String ORIGIN = "lanyard.test/audit";

	private final InMemoryLedgerStore store = new InMemoryLedgerStore();

	private NoteSigner signer;

	private AppendToLog append;

	private SignCheckpoint sign;

	private VerifyLog verify;

	private ExportBundle export;

	@TempDir
	Path folder;

	@BeforeEach
	void setUp() throws Exception {
		KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		this.signer = new NoteSigner(new NoteKey(ORIGIN, pair.getPublic()), pair.getPrivate());
		this.append = new AppendToLog(this.store, 4);
		this.sign = new SignCheckpoint(this.store, this.signer, ORIGIN,
				Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC), Duration.ofMinutes(1));
		this.verify = new VerifyLog(this.store, this.signer.key(), ORIGIN);
		this.export = new ExportBundle(this.store, this.signer.key(), ORIGIN);
	}

	@Test
	void verifyWhenAppendedAndSignedThenOk() {
		storeAndSign(7, 13);
		assertThat(this.store.size).isEqualTo(20);
		assertThat(this.store.checkpoints).extracting(StoredCheckpoint::size).containsExactly(7L, 20L);
		assertThat(this.verify.verify()).isEqualTo(Verdict.ok(20));
	}

	@Test
	void signNowWhenLogDidNotGrowThenNothingSigned() {
		storeAndSign(3);
		assertThat(this.sign.signNow()).isEmpty();
	}

	@Test
	void signIfDueWhenLastCheckpointRecentThenWaits() {
		storeAndSign(3);
		this.store.store(InMemoryLedgerStore.record(100));
		this.append.appendPending();
		assertThat(this.sign.signIfDue()).isEmpty();
	}

	@Test
	void appendWhenStoredSubtreeRewrittenThenRefused() {
		storeAndSign(5);
		this.store.nodes.put(new LedgerStore.NodeId(2, 0), new byte[32]);
		this.store.store(InMemoryLedgerStore.record(100));
		assertThatExceptionOfType(LogIntegrityException.class).isThrownBy(this.append::appendPending)
			.withMessageContaining("stored root");
	}

	@Test
	void signNowWhenStoredSubtreeAndRootRewrittenThenRefusesToSignOverThem() {
		storeAndSign(5);
		byte[] forged = new byte[32];
		this.store.nodes.put(new LedgerStore.NodeId(2, 0), forged);
		this.store.root = MerkleHashes.node(forged, this.store.leaves.get(4L).hash());
		this.store.store(InMemoryLedgerStore.record(100));
		this.append.appendPending();
		assertThatExceptionOfType(LogIntegrityException.class).isThrownBy(this.sign::signNow)
			.withMessage("The stored log no longer extends the checkpoint signed at size 5");
		assertThat(this.store.checkpoints).hasSize(1);
	}

	@Test
	void verifyWhenRecordAlteredThenAlteredAtItsLeaf() {
		storeAndSign(10);
		UUID target = this.store.leaves.get(6L).eventId();
		LedgerRecord original = this.store.records.get(target);
		this.store.records.put(target, withPayload(original, "{\"tokenId\": \"jti-forged\"}"));
		Verdict verdict = this.verify.verify();
		assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.ALTERED);
		assertThat(verdict.leafIndex()).isEqualTo(6L);
		assertThat(verdict.eventId()).isEqualTo(target);
	}

	@Test
	void verifyWhenPayloadKeysReorderedThenStillOk() {
		storeAndSign(3);
		UUID target = this.store.leaves.get(1L).eventId();
		LedgerRecord original = this.store.records.get(target);
		// jsonb gives keys back in its own order: the leaf is over the canonical form
		this.store.records.put(target,
				withPayload(original, "{\"n\":1,\"eventId\":\"1\",\"scopes\":[\"read\"],\"tokenId\":\"jti-1\"}"));
		assertThat(this.verify.verify().isOk()).isTrue();
	}

	@Test
	void verifyWhenRecordDeletedThenDeletedAtItsLeaf() {
		storeAndSign(10);
		UUID target = this.store.leaves.get(3L).eventId();
		this.store.records.remove(target);
		Verdict verdict = this.verify.verify();
		assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.DELETED);
		assertThat(verdict.leafIndex()).isEqualTo(3L);
		assertThat(verdict.eventId()).isEqualTo(target);
	}

	@Test
	void verifyWhenRecordsSwappedThenReorderedAtFirst() {
		storeAndSign(10);
		InMemoryLedgerStore.Row second = this.store.leaves.get(2L);
		InMemoryLedgerStore.Row eighth = this.store.leaves.get(8L);
		this.store.leaves.put(2L, new InMemoryLedgerStore.Row(eighth.eventId(), second.hash()));
		this.store.leaves.put(8L, new InMemoryLedgerStore.Row(second.eventId(), eighth.hash()));
		Verdict verdict = this.verify.verify();
		assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.REORDERED);
		assertThat(verdict.leafIndex()).isEqualTo(2L);
		assertThat(verdict.eventId()).isEqualTo(eighth.eventId());
	}

	@Test
	void verifyWhenRecordAddedBehindTheLogThenInserted() {
		storeAndSign(4);
		LedgerRecord intruder = InMemoryLedgerStore.record(99);
		this.store.records.put(intruder.eventId(), intruder);
		Verdict verdict = this.verify.verify();
		assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.INSERTED);
		assertThat(verdict.eventId()).isEqualTo(intruder.eventId());
	}

	@Test
	void verifyWhenCheckpointNoteForgedThenLogAltered() {
		storeAndSign(4);
		StoredCheckpoint real = this.store.checkpoints.get(0);
		this.store.checkpoints.set(0, new StoredCheckpoint(real.size(), new byte[32], real.note(), real.signedAt()));
		assertThat(this.verify.verify().outcome()).isEqualTo(Verdict.Outcome.LOG_ALTERED);
	}

	@Test
	void verifierWhenBundleUntouchedThenOk() throws Exception {
		storeAndSign(5, 6);
		for (long from = 0; from <= 11; from++) {
			for (long to = from; to <= 11; to++) {
				Path bundle = bundle(from, to);
				assertThat(verifier(bundle)).as("[%d, %d)", from, to).startsWith("0 OK: " + (to - from) + " records");
			}
		}
	}

	@Test
	void verifierWhenAnyOneByteChangedThenFails() throws Exception {
		storeAndSign(3, 2);
		byte[] original = Files.readAllBytes(bundle(1, 4));
		Path changed = this.folder.resolve("changed.ndjson");
		List<Integer> undetected = new ArrayList<>();
		for (int i = 0; i < original.length; i++) {
			byte[] copy = original.clone();
			copy[i] ^= 0x01;
			Files.write(changed, copy);
			if (AuditVerifier.run(new String[] { changed.toString(), "--key", this.signer.key().verifierKey() },
					devNull(), devNull()) == AuditVerifier.OK) {
				undetected.add(i);
			}
		}
		assertThat(undetected).as("offsets whose change went unnoticed").isEmpty();
	}

	@Test
	void verifierWhenRecordByteChangedThenNamesThatRecord() throws Exception {
		storeAndSign(6);
		List<String> lines = lines(bundle(0, 6));
		int line = lines.size() - 3;
		lines.set(line, lines.get(line).replace("jti-", "jtj-"));
		assertThat(verifier(write(lines))).startsWith("1 TAMPERED: ALTERED at leaf 3 (event ");
	}

	@Test
	void verifierWhenRecordGoneFromStoreThenDeletedAtItsLeaf() throws Exception {
		storeAndSign(6);
		this.store.records.remove(this.store.leaves.get(2L).eventId());
		assertThat(verifier(bundle(0, 6))).startsWith("1 TAMPERED: DELETED at leaf 2");
	}

	@Test
	void verifierWhenRecordLineRemovedThenDeleted() throws Exception {
		storeAndSign(6);
		List<String> lines = lines(bundle(0, 6));
		lines.remove(lines.size() - 2);
		assertThat(verifier(write(lines))).startsWith("1 TAMPERED: DELETED at leaf 4");
	}

	@Test
	void verifierWhenRecordLinesSwappedThenReordered() throws Exception {
		storeAndSign(6);
		List<String> lines = lines(bundle(0, 6));
		int first = lines.size() - 5;
		String line = lines.get(first);
		lines.set(first, lines.get(first + 2));
		lines.set(first + 2, line);
		assertThat(verifier(write(lines))).startsWith("1 TAMPERED: REORDERED at leaf 1");
	}

	@Test
	void verifierWhenRecordLineDuplicatedThenInserted() throws Exception {
		storeAndSign(6);
		List<String> lines = lines(bundle(0, 6));
		lines.add(lines.size() - 3, lines.get(lines.size() - 4));
		assertThat(verifier(write(lines))).startsWith("1 TAMPERED: INSERTED at leaf 3");
	}

	@Test
	void verifierWhenOtherKeyGivenThenTampered() throws Exception {
		storeAndSign(2);
		KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		String otherKey = new NoteKey(ORIGIN, other.getPublic()).verifierKey();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int code = AuditVerifier.run(new String[] { bundle(0, 2).toString(), "--key", otherKey },
				new PrintStream(out, true, StandardCharsets.UTF_8), devNull());
		assertThat(code).isEqualTo(AuditVerifier.TAMPERED);
	}

	@Test
	void verifierWhenNotABundleThenUnreadable() throws Exception {
		Path file = this.folder.resolve("other.ndjson");
		Files.writeString(file, "{\"hello\":1}\n");
		assertThat(AuditVerifier.run(new String[] { file.toString() }, devNull(), devNull()))
			.isEqualTo(AuditVerifier.UNREADABLE);
	}

	@Test
	void checkpointWhenSignedThenC2spNoteVerifiesWithPublishedKey() {
		storeAndSign(3);
		StoredCheckpoint checkpoint = this.store.checkpoints.get(0);
		String text = SignedNotes.open(checkpoint.note(), NoteKey.parse(this.signer.key().verifierKey()));
		assertThat(Checkpoint.parse(text)).isEqualTo(new Checkpoint(ORIGIN, 3, checkpoint.rootHash()));
		assertThat(checkpoint.note()).startsWith(ORIGIN + "\n3\n").contains("\n\n\u2014 " + ORIGIN + " ");
	}

	private void storeAndSign(int... batches) {
		int n = 0;
		for (int batch : batches) {
			for (int i = 0; i < batch; i++) {
				this.store.store(InMemoryLedgerStore.record(n++));
			}
			this.append.appendPending();
			assertThat(this.sign.signNow()).isPresent();
		}
	}

	private Path bundle(long from, long to) throws IOException {
		Path file = this.folder.resolve("bundle-" + from + "-" + to + ".ndjson");
		try (Writer out = new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8)) {
			this.export.export(this.export.range(from, to), out);
		}
		return file;
	}

	private String verifier(Path bundle) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int code = AuditVerifier.run(new String[] { bundle.toString(), "--key", this.signer.key().verifierKey() },
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
		return code + " " + out.toString(StandardCharsets.UTF_8).strip();
	}

	private static List<String> lines(Path file) throws IOException {
		return new ArrayList<>(Arrays.asList(Files.readString(file).split("\n")));
	}

	private Path write(List<String> lines) throws IOException {
		Path file = this.folder.resolve("edited.ndjson");
		Files.writeString(file, String.join("\n", lines) + "\n");
		return file;
	}

	private static LedgerRecord withPayload(LedgerRecord record, String payload) {
		return new LedgerRecord(record.eventId(), record.eventType(), record.topic(), record.partition(),
				record.offset(), record.occurredAt(), record.recordedAt(), record.correlationId(), record.producer(),
				record.actorId(), payload);
	}

	private static PrintStream devNull() {
		return new PrintStream(OutputStream.nullOutputStream());
	}

}
