package dev.lanyard.platform.kafka.consumer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import dev.lanyard.platform.kafka.Topics;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.mock.MockProducerFactory;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.util.backoff.BackOff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ConsumerErrorHandlersTest {

	private static final byte[] RAW = { 0x7f, 1, 2 };

	private static final BackOff QUICK = ConsumerErrorHandlers.retryUntilOver(Duration.ofMillis(1),
			Duration.ofMillis(2));

	private final MockProducer<String, Object> producer = new MockProducer<>(true, null, new StringSerializer(),
			new DeadLetterValueSerializer());

	private final MockConsumer<String, Object> consumer = new MockConsumer<>("earliest");

	private final DefaultErrorHandler deadLettering = ConsumerErrorHandlers.deadLettering(
			new KafkaTemplate<>(new MockProducerFactory<>(() -> this.producer)), QUICK,
			ConsumerErrorHandlers.DATABASE_OUTAGES, Set.of());

	@Test
	void deadLetteringWhenUnreadableThenDeadLetteredAtOnceWithRawBytesAndReason() {
		boolean done = this.deadLettering.handleOne(unreadable(), unreadableRecord(), this.consumer, null);

		assertThat(done).isTrue();
		ProducerRecord<String, Object> letter = this.producer.history().getFirst();
		assertThat(letter.topic()).isEqualTo(Topics.DEAD_LETTER);
		assertThat(letter.key()).isEqualTo("k-1");
		assertThat(letter.value()).isEqualTo(RAW);
		assertThat(new String(letter.headers().lastHeader(DeadLetterReasons.HEADER).value(), StandardCharsets.UTF_8))
			.isEqualTo("Not a readable Lanyard Avro value: java.lang.IllegalStateException");
	}

	@Test
	void deadLetteringWhenRegistryUnavailableThenRetriedNotDeadLettered() {
		boolean done = this.deadLettering.handleOne(registryDown(), record(), this.consumer, null);

		assertThat(done).isFalse();
		assertThat(this.producer.history()).isEmpty();
	}

	@Test
	void deadLetteringWhenServiceNamedRetryableThenRetried() {
		boolean done = this.deadLettering.handleOne(new DataAccessResourceFailureException("db down"), record(),
				this.consumer, null);

		assertThat(done).isFalse();
		assertThat(this.producer.history()).isEmpty();
	}

	// the gateway's handler (no back-off, nothing retryable) skipped such records, so a
	// registry outage lost user updates and left sign-ins unanswered
	@Test
	void skippingWhenRegistryUnavailableThenRetried() {
		DefaultErrorHandler skipping = ConsumerErrorHandlers.skipping(QUICK, List.of());

		assertThat(skipping.handleOne(registryDown(), record(), this.consumer, null)).isFalse();
	}

	@Test
	void skippingWhenUnreadableThenSkippedWithoutDeadLetter() {
		DefaultErrorHandler skipping = ConsumerErrorHandlers.skipping(QUICK, List.of());

		assertThat(skipping.handleOne(unreadable(), record(), this.consumer, null)).isTrue();
		assertThat(this.producer.history()).isEmpty();
	}

	@Test
	void retryUntilOverWhenMaxBelowInitialThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ConsumerErrorHandlers.retryUntilOver(Duration.ofSeconds(2), Duration.ofSeconds(1)))
			.withMessage("max cannot be shorter than initial");
	}

	@Test
	void deadLetteringWhenTemplateNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ConsumerErrorHandlers.deadLettering(null, QUICK, List.of(), Set.of()))
			.withMessage("deadLetters cannot be null");
	}

	private static ConsumerRecord<String, Object> record() {
		return new ConsumerRecord<>(Topics.USER_LOGGED_IN.name(), 0, 42L, "k-1", null);
	}

	// as ErrorHandlingDeserializer leaves it: no value, the failure and the bytes in a
	// header
	private static ConsumerRecord<String, Object> unreadableRecord() {
		RecordHeaders headers = new RecordHeaders();
		SerializationUtils.deserializationException(headers, RAW,
				AvroRecordDeserializer.classify(new IllegalStateException("payload")), false);
		return new ConsumerRecord<>(Topics.USER_LOGGED_IN.name(), 0, 42L, 0L, TimestampType.CREATE_TIME, 3, 3, "k-1",
				null, headers, Optional.empty());
	}

	private static DeserializationException unreadable() {
		return new DeserializationException("failed to deserialize", RAW, false,
				AvroRecordDeserializer.classify(new IllegalStateException("payload")));
	}

	private static DeserializationException registryDown() {
		return new DeserializationException("failed to deserialize", RAW, false,
				new RegistryUnavailableException("Schema registry answered HTTP 503"));
	}

}
