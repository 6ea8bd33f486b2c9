package dev.lanyard.platform.kafka.producer;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;
import org.springframework.kafka.support.SendResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AwaitedSendTest {

	private static final AwaitedSend.Outgoing<String> FIRST = new AwaitedSend.Outgoing<>("topic-a", "k-1", "one",
			"First e-1");

	private static final AwaitedSend.Outgoing<String> SECOND = new AwaitedSend.Outgoing<>("topic-b", "k-2", "two",
			"Second e-2");

	@Test
	void sendWhenAcknowledgedThenReturnsWithTheRecordSent() {
		MockProducer<String, String> producer = producer(true);

		send(producer, Duration.ofSeconds(2)).send(FIRST);

		assertThat(producer.history()).singleElement().satisfies((sent) -> {
			assertThat(sent.topic()).isEqualTo("topic-a");
			assertThat(sent.key()).isEqualTo("k-1");
			assertThat(sent.value()).isEqualTo("one");
		});
	}

	@Test
	void sendAllWhenAcknowledgedThenEverySentInOrder() {
		MockProducer<String, String> producer = producer(true);

		send(producer, Duration.ofSeconds(2)).sendAll(List.of(FIRST, SECOND));

		assertThat(producer.history()).extracting((sent) -> sent.value()).containsExactly("one", "two");
	}

	@Test
	void sendAllWhenNoAckWithinTimeoutThenUnacknowledgedWithinOneTimeout() {
		MockProducer<String, String> producer = producer(false);
		long start = System.nanoTime();

		assertThatExceptionOfType(UnacknowledgedSendException.class)
			.isThrownBy(() -> send(producer, Duration.ofMillis(200)).sendAll(List.of(FIRST, SECOND)))
			.withMessage("First e-1 not acknowledged within 200 ms");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void sendWhenBrokerRejectsThenUnacknowledgedNamingTypesOnly() throws Exception {
		MockProducer<String, String> producer = producer(false);
		AwaitedSend<String> send = send(producer, Duration.ofSeconds(5));
		try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
			Future<?> sending = executor.submit(() -> send.send(FIRST));
			while (producer.history().isEmpty()) {
				Thread.sleep(5);
			}
			producer.errorNext(new NotEnoughReplicasException("replicas of value one"));
			assertThat(sending).failsWithin(Duration.ofSeconds(2))
				.withThrowableThat()
				.havingCause()
				.isInstanceOf(UnacknowledgedSendException.class)
				.withMessage("First e-1 not acknowledged: KafkaProducerException caused by NotEnoughReplicasException");
		}
	}

	@Test
	void sendWhenSendThrowsThenUnacknowledged() {
		assertThatExceptionOfType(UnacknowledgedSendException.class)
			.isThrownBy(() -> new AwaitedSend<>(throwingTemplate(), Duration.ofSeconds(1)).send(FIRST))
			.withMessage("First e-1 could not be sent: TimeoutException");
	}

	@Test
	void sendAsyncWhenAcknowledgedThenCompletes() {
		assertThat(send(producer(true), Duration.ofSeconds(2)).sendAsync(FIRST)).succeedsWithin(Duration.ofSeconds(2));
	}

	@Test
	void sendAsyncWhenNoAckWithinTimeoutThenFailsUnacknowledged() {
		assertThat(send(producer(false), Duration.ofMillis(200)).sendAsync(FIRST)).failsWithin(Duration.ofSeconds(2))
			.withThrowableThat()
			.havingCause()
			.isInstanceOf(UnacknowledgedSendException.class)
			.withMessage("First e-1 not acknowledged within 200 ms");
	}

	@Test
	void sendAsyncWhenSendThrowsThenFailedNotThrown() {
		assertThat(new AwaitedSend<>(throwingTemplate(), Duration.ofSeconds(1)).sendAsync(FIRST))
			.failsWithin(Duration.ofSeconds(1))
			.withThrowableThat()
			.havingCause()
			.isInstanceOf(UnacknowledgedSendException.class)
			.withMessage("First e-1 could not be sent: TimeoutException");
	}

	@Test
	void constructorWhenKafkaNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AwaitedSend<String>(null, Duration.ofSeconds(1)))
			.withMessage("kafka cannot be null");
	}

	@Test
	void constructorWhenTimeoutZeroThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> send(producer(true), Duration.ZERO))
			.withMessage("ackTimeout must be positive");
	}

	@Test
	void sendAllWhenAnyNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> send(producer(true), Duration.ofSeconds(1)).sendAll(java.util.Arrays.asList(FIRST, null)))
			.withMessage("records cannot be null or hold null");
	}

	@Test
	void outgoingWhenDescriptionBlankThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AwaitedSend.Outgoing<>("t", "k", "v", " "))
			.withMessage("description cannot be blank");
	}

	private static AwaitedSend<String> send(MockProducer<String, String> producer, Duration timeout) {
		return new AwaitedSend<>(new KafkaTemplate<>(new MockProducerFactory<>(() -> producer)), timeout);
	}

	private static KafkaTemplate<String, String> throwingTemplate() {
		return new KafkaTemplate<>(new MockProducerFactory<>(() -> producer(true))) {
			@Override
			public CompletableFuture<SendResult<String, String>> send(String topic, String key, String data) {
				throw new org.apache.kafka.common.errors.TimeoutException("metadata for value one");
			}
		};
	}

	// the template closes its producer after each send, as a real factory's shared
	// producer ignores; so does this one, to take several sends
	private static MockProducer<String, String> producer(boolean autoComplete) {
		return new MockProducer<>(autoComplete, null, new StringSerializer(), new StringSerializer()) {
			@Override
			public void close(Duration timeout) {
			}
		};
	}

}
