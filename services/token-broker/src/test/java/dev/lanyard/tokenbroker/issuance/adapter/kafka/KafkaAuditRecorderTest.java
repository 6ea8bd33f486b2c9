package dev.lanyard.tokenbroker.issuance.adapter.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import dev.lanyard.events.TokenIssued;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.tokenbroker.issuance.TestIssuances;
import dev.lanyard.tokenbroker.issuance.application.AuditTrailUnavailableException;
import dev.lanyard.tokenbroker.issuance.domain.TokenIssuance;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class KafkaAuditRecorderTest {

	private static final Node NODE = new Node(0, "127.0.0.1", 9092);

	private static final Cluster CLUSTER = new Cluster("test", List.of(NODE),
			List.of(new PartitionInfo(Topics.TOKEN_ISSUED.name(), 0, NODE, new Node[] { NODE }, new Node[] { NODE })),
			Set.of(), Set.of());

	@Test
	void recordWhenAcknowledgedThenReturnsWithTheEventOnItsTopicKeyedBySubject() throws Exception {
		MockProducer<String, TokenIssued> producer = producer(true);
		TokenIssuance issuance = TestIssuances.contentSession("c-42");

		trail(producer, Duration.ofSeconds(2)).record(issuance);

		ProducerRecord<String, TokenIssued> sent = producer.history().getFirst();
		assertThat(sent.topic()).isEqualTo("lanyard.credentials.token-issued.v1");
		assertThat(sent.key()).isEqualTo("c-42");
		assertThat(sent.value()).isEqualTo(AuditEvents.tokenIssued(issuance));
	}

	@Test
	void recordWhenNoAckWithinTimeoutThenUnavailable() {
		MockProducer<String, TokenIssued> producer = producer(false);
		long start = System.nanoTime();
		assertThatExceptionOfType(AuditTrailUnavailableException.class)
			.isThrownBy(() -> trail(producer, Duration.ofMillis(200)).record(TestIssuances.contentSession("c-42")))
			.withMessage("TokenIssued not acknowledged within 200 ms");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void recordWhenBrokerRejectsThenUnavailable() throws Exception {
		MockProducer<String, TokenIssued> producer = producer(false);
		KafkaAuditRecorder<TokenIssuance, TokenIssued> trail = trail(producer, Duration.ofSeconds(5));
		try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
			Future<?> recording = executor.submit(() -> {
				trail.record(TestIssuances.contentSession("c-42"));
				return null;
			});
			while (producer.history().isEmpty()) {
				Thread.sleep(5);
			}
			producer.errorNext(new NotEnoughReplicasException("not enough replicas"));
			assertThat(recording).failsWithin(Duration.ofSeconds(2))
				.withThrowableThat()
				.havingCause()
				.isInstanceOf(AuditTrailUnavailableException.class)
				.withMessageContaining("NotEnoughReplicasException");
		}
	}

	@Test
	void recordWhenSendThrowsThenUnavailable() {
		KafkaTemplate<String, TokenIssued> failing = new KafkaTemplate<>(
				new MockProducerFactory<>(() -> producer(true))) {
			@Override
			public CompletableFuture<org.springframework.kafka.support.SendResult<String, TokenIssued>> send(
					String topic, String key, TokenIssued data) {
				throw new org.apache.kafka.common.errors.TimeoutException("metadata");
			}
		};
		assertThatExceptionOfType(AuditTrailUnavailableException.class)
			.isThrownBy(() -> new KafkaAuditRecorder<>(failing, Topics.TOKEN_ISSUED, TokenIssuance::subjectId,
					AuditEvents::tokenIssued, Duration.ofSeconds(1))
				.record(TestIssuances.contentSession("c-42")))
			.withMessageStartingWith("TokenIssued could not be sent: TimeoutException");
	}

	@Test
	void recordWhenNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> trail(producer(true), Duration.ofSeconds(1)).record(null))
			.withMessage("record cannot be null");
	}

	@Test
	void constructorWhenKafkaNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new KafkaAuditRecorder<TokenIssuance, TokenIssued>(null, Topics.TOKEN_ISSUED,
					TokenIssuance::subjectId, AuditEvents::tokenIssued, Duration.ofSeconds(1)))
			.withMessage("kafka cannot be null");
	}

	@Test
	void constructorWhenTimeoutZeroThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> trail(producer(true), Duration.ZERO))
			.withMessage("ackTimeout must be positive");
	}

	private static KafkaAuditRecorder<TokenIssuance, TokenIssued> trail(MockProducer<String, TokenIssued> producer,
			Duration timeout) {
		return new KafkaAuditRecorder<>(new KafkaTemplate<>(new MockProducerFactory<>(() -> producer)),
				Topics.TOKEN_ISSUED, TokenIssuance::subjectId, AuditEvents::tokenIssued, timeout);
	}

	private static MockProducer<String, TokenIssued> producer(boolean autoComplete) {
		return new MockProducer<>(CLUSTER, autoComplete, null, new StringSerializer(), (topic, value) -> new byte[0]);
	}

}
