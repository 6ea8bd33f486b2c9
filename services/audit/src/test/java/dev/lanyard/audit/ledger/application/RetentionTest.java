package dev.lanyard.audit.ledger.application;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.LongStream;

import dev.lanyard.audit.ledger.domain.LedgerRecord;
import dev.lanyard.audit.ledger.domain.PrunedLeaves;
import dev.lanyard.audit.ledger.domain.Verdict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention over the in-memory store: records removed with a signed retention record
 * naming their leaves verify, online and offline; any other removal, or a retention
 * record tampered with, is still found.
 */
class RetentionTest {

	@TempDir
	Path folder;

	private LedgerFixture ledger;

	@BeforeEach
	void setUp() throws Exception {
		this.ledger = new LedgerFixture(this.folder);
		for (int i = 0; i < 10; i++) {
			this.ledger.store.store(InMemoryLedgerStore.record(i));
		}
		this.ledger.append.appendPending();
		this.ledger.sign.signNow();
	}

	@Test
	void verifyWhenRetentionRemovedRecordsAndSaidSoThenOkAndCounted() {
		UUID retention = retain(2, 3, 4);

		Verdict verdict = this.ledger.verify.verify();

		assertThat(verdict.isOk()).as(verdict.detail()).isTrue();
		assertThat(verdict.checkedSize()).isEqualTo(11);
		assertThat(verdict.detail()).contains("3 removed by retention");
		assertThat(this.ledger.store.records).containsKey(retention);
	}

	@Test
	void verifyWhenRecordRemovedOutsideTheRetentionRangesThenDeletedAtItsLeaf() {
		retain(2, 3, 4);
		this.ledger.store.records.remove(this.ledger.store.leaves.get(6L).eventId());

		Verdict verdict = this.ledger.verify.verify();

		assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.DELETED);
		assertThat(verdict.leafIndex()).isEqualTo(6);
	}

	@Test
	void verifyWhenRetentionRecordItselfDeletedThenDeletedAtTheFirstRemovedLeaf() {
		UUID retention = retain(2, 3);
		this.ledger.store.records.remove(retention);

		Verdict verdict = this.ledger.verify.verify();

		assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.DELETED);
		assertThat(verdict.leafIndex()).isEqualTo(2);
	}

	@Test
	void verifyWhenRetentionRecordWidenedToCoverAnotherRemovalThenAlteredAtIt() {
		UUID retention = retain(2, 3);
		LedgerRecord record = this.ledger.store.records.get(retention);
		this.ledger.store.records.put(retention,
				new LedgerRecord(record.eventId(), record.eventType(), record.topic(), record.partition(),
						record.offset(), record.occurredAt(), record.recordedAt(), record.correlationId(),
						record.producer(), record.actorId(), record.payloadJson().replace("[2,3]", "[2,6]")));
		this.ledger.store.records.remove(this.ledger.store.leaves.get(6L).eventId());

		Verdict verdict = this.ledger.verify.verify();

		assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.ALTERED);
		assertThat(verdict.leafIndex()).isEqualTo(10);
	}

	@Test
	void verifierWhenBundleSpansRemovedRecordsThenOkAndSaysHowMany() throws Exception {
		retain(2, 3, 4);

		String answer = this.ledger.verifier(this.ledger.bundle(0, 11));

		assertThat(answer).startsWith("0 ").contains("11 records (3 of them removed by retention");
	}

	@Test
	void verifierWhenRetentionLineDroppedThenRemovedRecordsAreDeleted() throws Exception {
		retain(2, 3, 4);
		List<String> lines = LedgerFixture.lines(this.ledger.bundle(0, 11));
		assertThat(lines.removeIf((line) -> line.startsWith("{\"d\":") && line.contains("\"type\":\"retention\"")))
			.isTrue();

		assertThat(this.ledger.verifier(this.ledger.write(lines))).startsWith("1 TAMPERED: DELETED at leaf 2");
	}

	@Test
	void verifierWhenRetentionLineWidenedThenAltered() throws Exception {
		retain(2, 3);
		this.ledger.store.records.remove(this.ledger.store.leaves.get(6L).eventId());
		List<String> lines = LedgerFixture.lines(this.ledger.bundle(0, 11));
		lines.replaceAll((line) -> line.contains("\"type\":\"retention\"") ? line.replace("[2,3]", "[2,6]") : line);

		assertThat(this.ledger.verifier(this.ledger.write(lines))).startsWith("1 TAMPERED: ALTERED at leaf 10");
	}

	@Test
	void applyRetentionWhenDaysBeforeTheCutoffThenRemovesThemOldestFirstAndStops() {
		List<LocalDate> removed = new ArrayList<>();
		List<LocalDate> days = new ArrayList<>(List.of(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-02")));
		Instant[] asked = new Instant[1];
		RetentionStore fake = new RetentionStore() {

			@Override
			public Optional<LocalDate> oldestRemovableDay(Instant before) {
				asked[0] = before;
				return days.isEmpty() ? Optional.empty() : Optional.of(days.get(0));
			}

			@Override
			public long removeDay(LocalDate day, String retention, Instant at) {
				assertThat(retention).isEqualTo("PT720H");
				removed.add(days.remove(0));
				return 5;
			}

		};
		ApplyRetention retention = new ApplyRetention(fake, Duration.ofDays(30),
				Clock.fixed(Instant.parse("2026-02-15T13:45:00Z"), ZoneOffset.UTC));

		List<ApplyRetention.Removal> removals = retention.run();

		assertThat(asked[0]).isEqualTo(Instant.parse("2026-01-16T00:00:00Z"));
		assertThat(removed).containsExactly(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-02"));
		assertThat(removals).extracting(ApplyRetention.Removal::records).containsExactly(5L, 5L);
	}

	/**
	 * Removes the records of these leaves, stores the retention record, appends and
	 * signs.
	 */
	private UUID retain(long... leafIndexes) {
		for (long index : leafIndexes) {
			this.ledger.store.records.remove(this.ledger.store.leaves.get(index).eventId());
		}
		String payload = PrunedLeaves.retentionPayload("2026-12-01", "P30D", leafIndexes.length,
				LongStream.of(leafIndexes).boxed().toList());
		LedgerRecord record = new LedgerRecord(UUID.randomUUID(), PrunedLeaves.RETENTION_APPLIED, "audit.retention", -1,
				-1, Instant.parse("2026-12-31T00:00:00Z"), Instant.parse("2026-12-31T00:00:00Z"),
				"retention-2026-12-01", "audit", null, payload);
		this.ledger.store.store(record);
		this.ledger.append.appendPending();
		assertThat(this.ledger.sign.signNow()).isPresent();
		return record.eventId();
	}

}
