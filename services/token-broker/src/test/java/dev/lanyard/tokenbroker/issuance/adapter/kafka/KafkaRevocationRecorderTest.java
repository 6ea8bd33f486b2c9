package dev.lanyard.tokenbroker.issuance.adapter.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import dev.lanyard.events.TokenRevoked;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.tokenbroker.issuance.application.AuditTrailUnavailableException;
import dev.lanyard.tokenbroker.issuance.domain.TokenRevocation;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class KafkaRevocationRecorderTest {

	private static final Node NODE = new Node(0, "127.0.0.1", 9092);

	private static final Cluster CLUSTER = new Cluster("test", List.of(NODE),
			List.of(new PartitionInfo(Topics.TOKEN_REVOKED.name(), 0, NODE, new Node[] { NODE }, new Node[] { NODE })),
			Set.of(), Set.of());

	private static final TokenRevocation DISCONNECTED = TokenRevocation.disconnected("u-1", "i-7", "corr-1",
			Instant.parse("2026-11-26T10:00:00Z"));

	@Test
	void recordWhenAcknowledgedThenKeyedBySubjectAndEventMapped() throws Exception {
		MockProducer<String, TokenRevoked> producer = producer(true);

		recorder(producer, Duration.ofSeconds(2)).record(DISCONNECTED);

		ProducerRecord<String, TokenRevoked> sent = producer.history().getFirst();
		assertThat(sent.topic()).isEqualTo("lanyard.credentials.token-revoked.v1");
		assertThat(sent.key()).isEqualTo("u-1");
		TokenRevoked event = sent.value();
		assertThat(event.getEventId()).isEqualTo(DISCONNECTED.eventId());
		assertThat(event.getOccurredAt()).isEqualTo(DISCONNECTED.occurredAt());
		assertThat(event.getCorrelationId()).isEqualTo("corr-1");
		assertThat(event.getProducer()).isEqualTo("token-broker");
		assertThat(event.getActorId()).isEqualTo("u-1");
		assertThat(event.getSubjectId()).isEqualTo("u-1");
		assertThat(event.getSubjectType()).isEqualTo("user");
		assertThat(event.getTokenId()).isNull();
		assertThat(event.getTokenSha256()).isNull();
		assertThat(event.getIntegrationId()).isEqualTo("i-7");
		assertThat(event.getReason()).isEqualTo("disconnected");
	}

	@Test
	void recordWhenNoAckWithinTimeoutThenUnavailableWithinTimeout() {
		MockProducer<String, TokenRevoked> producer = producer(false);
		long start = System.nanoTime();
		assertThatExceptionOfType(AuditTrailUnavailableException.class)
			.isThrownBy(() -> recorder(producer, Duration.ofMillis(200)).record(DISCONNECTED))
			.withMessage("TokenRevoked not acknowledged within 200 ms");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void recordWhenNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> recorder(producer(true), Duration.ofSeconds(1)).record(null))
			.withMessage("revocation cannot be null");
	}

	@Test
	void constructorWhenKafkaNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new KafkaRevocationRecorder(null, Duration.ofSeconds(1)))
			.withMessage("kafka cannot be null");
	}

	private static KafkaRevocationRecorder recorder(MockProducer<String, TokenRevoked> producer, Duration timeout) {
		return new KafkaRevocationRecorder(new KafkaTemplate<>(new MockProducerFactory<>(() -> producer)), timeout);
	}

	private static MockProducer<String, TokenRevoked> producer(boolean autoComplete) {
		return new MockProducer<>(CLUSTER, autoComplete, null, new StringSerializer(), (topic, value) -> new byte[0]);
	}

}
