package dev.lanyard.audit.trail.application;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import dev.lanyard.audit.trail.TestEvents;
import dev.lanyard.audit.trail.domain.IncomingEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RecordEventsTest {

	private final FakeAuditTrail trail = new FakeAuditTrail();

	private final RecordEvents recordEvents = new RecordEvents(this.trail);

	@Test
	void constructorWhenTrailNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RecordEvents(null))
			.withMessage("trail cannot be null");
	}

	@Test
	void recordWhenEventsNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.recordEvents.record(null))
			.withMessage("events cannot be null");
	}

	@Test
	void recordWhenEmptyThenRecordedNothingWithoutStore() {
		assertThat(this.recordEvents.record(List.of())).isEqualTo(new RecordOutcome.Recorded(0));
		assertThat(this.trail.appendSizes()).isEmpty();
	}

	@Test
	void recordWhenStoreAcceptsThenOneBatch() {
		List<IncomingEvent> batch = batch(3);
		assertThat(this.recordEvents.record(batch)).isEqualTo(new RecordOutcome.Recorded(3));
		assertThat(this.trail.appendSizes()).containsExactly(3);
		assertThat(this.trail.events()).hasSize(3);
	}

	@Test
	void recordWhenSameEventTwiceThenStoredOnce() {
		List<IncomingEvent> batch = batch(2);
		this.recordEvents.record(batch);
		this.recordEvents.record(batch);
		assertThat(this.trail.events()).hasSize(2);
	}

	@Test
	void recordWhenStoreRefusesOneEventThenEarlierKeptAndItsIndexReported() {
		List<IncomingEvent> batch = batch(4);
		UUID refused = batch.get(2).event().eventId();
		this.trail.refuse((incoming) -> incoming.event().eventId().equals(refused));
		RecordOutcome outcome = this.recordEvents.record(batch);
		assertThat(outcome)
			.isEqualTo(new RecordOutcome.Rejected(2, "The audit store refused the event: SQLSTATE 22021"));
		assertThat(this.trail.events()).containsOnlyKeys(batch.get(0).event().eventId(),
				batch.get(1).event().eventId());
	}

	@Test
	void recordWhenStoreDownThenThrowsRetryable() {
		this.trail.down(true);
		assertThatExceptionOfType(TrailUnavailableException.class).isThrownBy(() -> this.recordEvents.record(batch(2)));
	}

	static List<IncomingEvent> batch(int size) {
		return IntStream.range(0, size)
			.mapToObj((i) -> TestEvents.incoming(TestEvents.auditEvent(UUID.randomUUID(), TestEvents.NOW), i))
			.toList();
	}

}
