package dev.lanyard.audit.ledger.application;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.lanyard.audit.ledger.domain.Checkpoint;
import dev.lanyard.audit.ledger.domain.LedgerRecord;
import dev.lanyard.audit.ledger.domain.MerkleHashes;
import dev.lanyard.audit.ledger.domain.NoteKey;
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

	@TempDir
	Path folder;

	private LedgerFixture ledger;

	@BeforeEach
	void setUp() throws Exception {
		this.ledger = new LedgerFixture(this.folder);
	}

	@Test
	void verifyWhenAppendedAndSignedThenOk() {
		storeAndSign(7, 13);
		assertThat(this.ledger.store.size).isEqualTo(20);
		assertThat(this.ledger.store.checkpoints).extracting(StoredCheckpoint::size).containsExactly(7L, 20L);
		assertThat(this.ledger.verify.verify()).isEqualTo(Verdict.ok(20));
	}

	@Test
	void signNowWhenLogDidNotGrowThenNothingSigned() {
		storeAndSign(3);
		assertThat(this.ledger.sign.signNow()).isEmpty();
	}

	@Test
	void signIfDueWhenLastCheckpointRecentThenWaits() {
		storeAndSign(3);
		this.ledger.store.store(InMemoryLedgerStore.record(100));
		this.ledger.append.appendPending();
		assertThat(this.ledger.sign.signIfDue()).isEmpty();
	}

	@Test
	void appendWhenStoredSubtreeRewrittenThenRefused() {
		storeAndSign(5);
		this.ledger.store.nodes.put(new LedgerStore.NodeId(2, 0), new byte[32]);
		this.ledger.store.store(InMemoryLedgerStore.record(100));
		assertThatExceptionOfType(LogIntegrityException.class).isThrownBy(this.ledger.append::appendPending)
			.withMessageContaining("stored root");
	}

	@Test
	void signNowWhenStoredSubtreeAndRootRewrittenThenRefusesToSignOverThem() {
		storeAndSign(5);
		byte[] forged = new byte[32];
		this.ledger.store.nodes.put(new LedgerStore.NodeId(2, 0), forged);
		this.ledger.store.root = MerkleHashes.node(forged, this.ledger.store.leaves.get(4L).hash());
		this.ledger.store.store(InMemoryLedgerStore.record(100));
		this.ledger.append.appendPending();
		assertThatExceptionOfType(LogIntegrityException.class).isThrownBy(this.ledger.sign::signNow)
			.withMessage("The stored log no longer extends the checkpoint signed at size 5");
		assertThat(this.ledger.store.checkpoints).hasSize(1);
	}

	@Test
	void verifyWhenRecordAlteredThenAlteredAtItsLeaf() {
		storeAndSign(10);
		UUID target = this.ledger.store.leaves.get(6L).eventId();
		LedgerRecord original = this.ledger.store.records.get(target);
		this.ledger.store.records.put(target, withPayload(original, "{\"tokenId\": \"jti-forged\"}"));
		Verdict verdict = this.ledger.verify.verify();
		assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.ALTERED);
		assertThat(verdict.leafIndex()).isEqualTo(6L);
		assertThat(verdict.eventId()).isEqualTo(target);
	}

	@Test
	void verifyWhenPayloadKeysReorderedThenStillOk() {
		storeAndSign(3);
		UUID target = this.ledger.store.leaves.get(1L).eventId();
		LedgerRecord original = this.ledger.store.records.get(target);
		// jsonb gives keys back in its own order: the leaf is over the canonical form
		this.ledger.store.records.put(target,
				withPayload(original, "{\"n\":1,\"eventId\":\"1\",\"scopes\":[\"read\"],\"tokenId\":\"jti-1\"}"));
		assertThat(this.ledger.verify.verify().isOk()).isTrue();
	}

	@Test
	void verifyWhenRecordDeletedThenDeletedAtItsLeaf() {
		storeAndSign(10);
		UUID target = this.ledger.store.leaves.get(3L).eventId();
		this.ledger.store.records.remove(target);
		Verdict verdict = this.ledger.verify.verify();
		assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.DELETED);
		assertThat(verdict.leafIndex()).isEqualTo(3L);
		assertThat(verdict.eventId()).isEqualTo(target);
	}

	@Test
	void verifyWhenRecordsSwappedThenReorderedAtFirst() {
		storeAndSign(10);
		InMemoryLedgerStore.Row second = this.ledger.store.leaves.get(2L);
		InMemoryLedgerStore.Row eighth = this.ledger.store.leaves.get(8L);
		this.ledger.store.leaves.put(2L, new InMemoryLedgerStore.Row(eighth.eventId(), second.hash()));
		this.ledger.store.leaves.put(8L, new InMemoryLedgerStore.Row(second.eventId(), eighth.hash()));
		Verdict verdict = this.ledger.verify.verify();
		assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.REORDERED);
		assertThat(verdict.leafIndex()).isEqualTo(2L);
		assertThat(verdict.eventId()).isEqualTo(eighth.eventId());
	}

	@Test
	void verifyWhenRecordAddedBehindTheLogThenInserted() {
		storeAndSign(4);
		LedgerRecord intruder = InMemoryLedgerStore.record(99);
		this.ledger.store.records.put(intruder.eventId(), intruder);
		Verdict verdict = this.ledger.verify.verify();
		assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.INSERTED);
		assertThat(verdict.eventId()).isEqualTo(intruder.eventId());
	}

	@Test
	void verifyWhenCheckpointNoteForgedThenLogAltered() {
		storeAndSign(4);
		StoredCheckpoint real = this.ledger.store.checkpoints.get(0);
		this.ledger.store.checkpoints.set(0,
				new StoredCheckpoint(real.size(), new byte[32], real.note(), real.signedAt()));
		assertThat(this.ledger.verify.verify().outcome()).isEqualTo(Verdict.Outcome.LOG_ALTERED);
	}

	@Test
	void verifierWhenBundleUntouchedThenOk() throws Exception {
		storeAndSign(5, 6);
		for (long from = 0; from <= 11; from++) {
			for (long to = from; to <= 11; to++) {
				Path bundle = this.ledger.bundle(from, to);
				assertThat(this.ledger.verifier(bundle)).as("[%d, %d)", from, to)
					.startsWith("0 OK: " + (to - from) + " records");
			}
		}
	}

	@Test
	void verifierWhenAnyOneByteChangedThenFails() throws Exception {
		storeAndSign(3, 2);
		byte[] original = Files.readAllBytes(this.ledger.bundle(1, 4));
		Path changed = this.folder.resolve("changed.ndjson");
		List<Integer> undetected = new ArrayList<>();
		for (int i = 0; i < original.length; i++) {
			byte[] copy = original.clone();
			copy[i] ^= 0x01;
			Files.write(changed, copy);
			if (AuditVerifier.run(new String[] { changed.toString(), "--key", this.ledger.signer.key().verifierKey() },
					devNull(), devNull()) == AuditVerifier.OK) {
				undetected.add(i);
			}
		}
		assertThat(undetected).as("offsets whose change went unnoticed").isEmpty();
	}

	@Test
	void verifierWhenRecordByteChangedThenNamesThatRecord() throws Exception {
		storeAndSign(6);
		List<String> lines = LedgerFixture.lines(this.ledger.bundle(0, 6));
		int line = lines.size() - 3;
		lines.set(line, lines.get(line).replace("jti-", "jtj-"));
		assertThat(this.ledger.verifier(this.ledger.write(lines))).startsWith("1 TAMPERED: ALTERED at leaf 3 (event ");
	}

	@Test
	void verifierWhenRecordGoneFromStoreThenDeletedAtItsLeaf() throws Exception {
		storeAndSign(6);
		this.ledger.store.records.remove(this.ledger.store.leaves.get(2L).eventId());
		assertThat(this.ledger.verifier(this.ledger.bundle(0, 6))).startsWith("1 TAMPERED: DELETED at leaf 2");
	}

	@Test
	void verifierWhenRecordLineRemovedThenDeleted() throws Exception {
		storeAndSign(6);
		List<String> lines = LedgerFixture.lines(this.ledger.bundle(0, 6));
		lines.remove(lines.size() - 2);
		assertThat(this.ledger.verifier(this.ledger.write(lines))).startsWith("1 TAMPERED: DELETED at leaf 4");
	}

	@Test
	void verifierWhenRecordLinesSwappedThenReordered() throws Exception {
		storeAndSign(6);
		List<String> lines = LedgerFixture.lines(this.ledger.bundle(0, 6));
		int first = lines.size() - 5;
		String line = lines.get(first);
		lines.set(first, lines.get(first + 2));
		lines.set(first + 2, line);
		assertThat(this.ledger.verifier(this.ledger.write(lines))).startsWith("1 TAMPERED: REORDERED at leaf 1");
	}

	@Test
	void verifierWhenRecordLineDuplicatedThenInserted() throws Exception {
		storeAndSign(6);
		List<String> lines = LedgerFixture.lines(this.ledger.bundle(0, 6));
		lines.add(lines.size() - 3, lines.get(lines.size() - 4));
		assertThat(this.ledger.verifier(this.ledger.write(lines))).startsWith("1 TAMPERED: INSERTED at leaf 3");
	}

	@Test
	void verifierWhenOtherKeyGivenThenTampered() throws Exception {
		storeAndSign(2);
		KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		String otherKey = new NoteKey(LedgerFixture.ORIGIN, other.getPublic()).verifierKey();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int code = AuditVerifier.run(new String[] { this.ledger.bundle(0, 2).toString(), "--key", otherKey },
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
		StoredCheckpoint checkpoint = this.ledger.store.checkpoints.get(0);
		String text = SignedNotes.open(checkpoint.note(), NoteKey.parse(this.ledger.signer.key().verifierKey()));
		assertThat(Checkpoint.parse(text)).isEqualTo(new Checkpoint(LedgerFixture.ORIGIN, 3, checkpoint.rootHash()));
		assertThat(checkpoint.note()).startsWith(LedgerFixture.ORIGIN + "\n3\n")
			.contains("\n\n\u2014 " + LedgerFixture.ORIGIN + " ");
	}

	private void storeAndSign(int... batches) {
		int n = 0;
		for (int batch : batches) {
			for (int i = 0; i < batch; i++) {
				this.ledger.store.store(InMemoryLedgerStore.record(n++));
			}
			this.ledger.append.appendPending();
			assertThat(this.ledger.sign.signNow()).isPresent();
		}
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
