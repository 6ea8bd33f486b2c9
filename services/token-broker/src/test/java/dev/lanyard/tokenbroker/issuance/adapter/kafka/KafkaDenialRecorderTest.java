package dev.lanyard.tokenbroker.issuance.adapter.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import dev.lanyard.events.CredentialDenied;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.tokenbroker.issuance.TestDenials;
import dev.lanyard.tokenbroker.issuance.application.AuditTrailUnavailableException;
import dev.lanyard.tokenbroker.issuance.domain.CredentialDenial;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class KafkaDenialRecorderTest {

	private static final Node NODE = new Node(0, "127.0.0.1", 9092);

	private static final Cluster CLUSTER = new Cluster("test", List.of(NODE), List
		.of(new PartitionInfo(Topics.CREDENTIAL_DENIED.name(), 0, NODE, new Node[] { NODE }, new Node[] { NODE })),
			Set.of(), Set.of());

	@Test
	void recordWhenAcknowledgedThenKeyedBySubjectAndEventMapped() throws Exception {
		MockProducer<String, CredentialDenied> producer = producer(true);
		CredentialDenial denial = TestDenials.notAssociated("c-42");

		recorder(producer, Duration.ofSeconds(2)).record(denial);

		ProducerRecord<String, CredentialDenied> sent = producer.history().getFirst();
		assertThat(sent.topic()).isEqualTo("lanyard.credentials.credential-denied.v1");
		assertThat(sent.key()).isEqualTo("c-42");
		CredentialDenied event = sent.value();
		assertThat(event.getEventId()).isEqualTo(denial.eventId());
		assertThat(event.getOccurredAt()).isEqualTo(denial.occurredAt());
		assertThat(event.getCorrelationId()).isEqualTo("corr-1");
		assertThat(event.getProducer()).isEqualTo("token-broker");
		assertThat(event.getActorId()).isNull();
		assertThat(event.getSubjectId()).isEqualTo("c-42");
		assertThat(event.getSubjectType()).isEqualTo("content");
		assertThat(event.getContentId()).isEqualTo("c-42");
		assertThat(event.getIntegrationId()).isEqualTo("i-7");
		assertThat(event.getRequestedScopes()).containsExactly("read");
		assertThat(event.getGrantType()).isEqualTo("urn:ietf:params:oauth:grant-type:token-exchange");
		assertThat(event.getError()).isEqualTo("unauthorized_client");
		assertThat(event.getReason()).isEqualTo("not-associated");
	}

	@Test
	void recordWhenNoAckWithinTimeoutThenUnavailableWithinTimeout() {
		MockProducer<String, CredentialDenied> producer = producer(false);
		long start = System.nanoTime();
		assertThatExceptionOfType(AuditTrailUnavailableException.class)
			.isThrownBy(() -> recorder(producer, Duration.ofMillis(200)).record(TestDenials.notAssociated("c-42")))
			.withMessage("CredentialDenied not acknowledged within 200 ms");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void recordWhenNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> recorder(producer(true), Duration.ofSeconds(1)).record(null))
			.withMessage("denial cannot be null");
	}

	@Test
	void constructorWhenKafkaNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new KafkaDenialRecorder(null, Duration.ofSeconds(1)))
			.withMessage("kafka cannot be null");
	}

	@Test
	void constructorWhenTimeoutZeroThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new KafkaDenialRecorder(
					new KafkaTemplate<>(new MockProducerFactory<>(() -> producer(true))), Duration.ZERO))
			.withMessage("ackTimeout must be positive");
	}

	private static KafkaDenialRecorder recorder(MockProducer<String, CredentialDenied> producer, Duration timeout) {
		return new KafkaDenialRecorder(new KafkaTemplate<>(new MockProducerFactory<>(() -> producer)), timeout);
	}

	private static MockProducer<String, CredentialDenied> producer(boolean autoComplete) {
		return new MockProducer<>(CLUSTER, autoComplete, null, new StringSerializer(), (topic, value) -> new byte[0]);
	}

}
