package dev.lanyard.audit.trail.adapter.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.lanyard.audit.trail.TestEvents;
import dev.lanyard.audit.trail.application.EventRejectedException;
import dev.lanyard.audit.trail.application.FakeAuditTrail;
import dev.lanyard.audit.trail.application.RecordEvents;
import dev.lanyard.audit.trail.application.TrailUnavailableException;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.platform.kafka.consumer.UnreadableRecordException;
import dev.lanyard.platform.kafka.consumer.RegistryUnavailableException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AuditEventListenerTest {

	private static final String TOPIC = Topics.TOKEN_ISSUED.name();

	private final FakeAuditTrail trail = new FakeAuditTrail();

	private final AuditEventListener listener = new AuditEventListener(new RecordEvents(this.trail));

	private final List<ConsumerRecord<String, DecodedEvent>> batch = new ArrayList<>();

	@Test
	void constructorWhenRecordEventsNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AuditEventListener(null))
			.withMessage("recordEvents cannot be null");
	}

	@Test
	void topicsWhenAskedThenEveryTopic() {
		assertThat(this.listener.topics()).hasSize(Topics.ALL.size()).contains(TOPIC);
	}

	@Test
	void onRecordsWhenAllReadableThenStoredInOneBatch() {
		readable();
		readable();
		readable();
		this.listener.onRecords(this.batch);
		assertThat(this.trail.events()).hasSize(3);
		assertThat(this.trail.appendSizes()).containsExactly(3);
	}

	@Test
	void onRecordsWhenTombstoneThenSkipped() {
		readable();
		add(null, new RecordHeaders());
		this.listener.onRecords(this.batch);
		assertThat(this.trail.events()).hasSize(1);
	}

	@Test
	void onRecordsWhenUnreadableInMiddleThenEarlierStoredAndFailureNamesItNotRetryable() {
		readable();
		ConsumerRecord<String, DecodedEvent> poison = unreadable(new UnreadableRecordException("Not readable"));
		readable();
		BatchListenerFailedException failure = catchFailure();
		assertThat(failure.getRecord()).isSameAs(poison);
		assertThat(failure.getCause()).isInstanceOf(DeserializationException.class);
		assertThat(causes(failure)).noneMatch(AuditEventListenerTest::retryable);
		assertThat(failure.getMessage()).startsWith("Unreadable record: Not readable");
		assertThat(this.trail.events()).containsOnlyKeys(this.batch.get(0).value().event().eventId());
	}

	@Test
	void onRecordsWhenRegistryUnavailableThenFailureNamesRecordRetryable() {
		readable();
		ConsumerRecord<String, DecodedEvent> waiting = unreadable(new RegistryUnavailableException("down"));
		BatchListenerFailedException failure = catchFailure();
		assertThat(failure.getRecord()).isSameAs(waiting);
		assertThat(failure.getCause()).isInstanceOf(RegistryUnavailableException.class);
		assertThat(this.trail.events()).hasSize(1);
	}

	@Test
	void onRecordsWhenStoreDownThenFailureNamesFirstRecordRetryable() {
		add(null, new RecordHeaders());
		readable();
		readable();
		this.trail.down(true);
		BatchListenerFailedException failure = catchFailure();
		assertThat(failure.getRecord()).isSameAs(this.batch.get(1));
		assertThat(failure.getCause()).isInstanceOf(TrailUnavailableException.class);
	}

	@Test
	void onRecordsWhenStoreRefusesOneThenFailureNamesItNotRetryable() {
		readable();
		ConsumerRecord<String, DecodedEvent> refused = readable();
		readable();
		UUID refusedId = refused.value().event().eventId();
		this.trail.refuse((incoming) -> incoming.event().eventId().equals(refusedId));
		BatchListenerFailedException failure = catchFailure();
		assertThat(failure.getRecord()).isSameAs(refused);
		assertThat(failure.getCause()).isInstanceOf(EventRejectedException.class);
		assertThat(this.trail.events()).containsOnlyKeys(this.batch.get(0).value().event().eventId());
	}

	private BatchListenerFailedException catchFailure() {
		return Optional
			.ofNullable(org.assertj.core.api.Assertions.catchThrowableOfType(BatchListenerFailedException.class,
					() -> this.listener.onRecords(this.batch)))
			.orElseThrow(() -> new AssertionError("expected a BatchListenerFailedException"));
	}

	private ConsumerRecord<String, DecodedEvent> readable() {
		DecodedEvent decoded = new DecodedEvent(TestEvents.auditEvent(UUID.randomUUID(), TestEvents.NOW), "{}",
				new byte[] { 0 });
		return add(decoded, new RecordHeaders());
	}

	private ConsumerRecord<String, DecodedEvent> unreadable(RuntimeException cause) {
		RecordHeaders headers = new RecordHeaders();
		SerializationUtils.deserializationException(headers, new byte[] { 42 }, cause, false);
		return add(null, headers);
	}

	private ConsumerRecord<String, DecodedEvent> add(DecodedEvent value, RecordHeaders headers) {
		ConsumerRecord<String, DecodedEvent> record = new ConsumerRecord<>(TOPIC, 0, this.batch.size(), 0L,
				TimestampType.CREATE_TIME, 0, 0, "key", value, headers, Optional.empty());
		this.batch.add(record);
		return record;
	}

	private static List<Throwable> causes(Throwable failure) {
		List<Throwable> causes = new ArrayList<>();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			causes.add(cause);
		}
		return causes;
	}

	private static boolean retryable(Throwable cause) {
		return cause instanceof TrailUnavailableException || cause instanceof RegistryUnavailableException;
	}

}
