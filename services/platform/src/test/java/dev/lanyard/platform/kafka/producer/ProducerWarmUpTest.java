package dev.lanyard.platform.kafka.producer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import dev.lanyard.events.UserSignedOut;
import dev.lanyard.platform.kafka.Topics;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ProducerWarmUpTest {

	private static final ProducerWarmUp.Sample<UserSignedOut> SAMPLE = new ProducerWarmUp.Sample<>(
			Topics.USER_SIGNED_OUT,
			UserSignedOut.newBuilder()
				.setEventId(new UUID(0, 0))
				.setOccurredAt(Instant.EPOCH)
				.setCorrelationId("warm-up")
				.setProducer("test")
				.setUserId("u")
				.setSessionId("s")
				.build());

	private final KafkaTemplate<String, UserSignedOut> kafka = new KafkaTemplate<>(
			new MockProducerFactory<>(() -> new MockProducer<>(true, null, new StringSerializer(), (t, v) -> null)));

	// nothing listens on port 9 (discard): the registry is unreachable
	private final Map<String, Object> unreachableRegistry = Map.of("apicurio.registry.url",
			"http://127.0.0.1:9/apis/registry/v3");

	@Test
	void runWhenRegistryUnreachableThenReturnsWithinTheTimeoutWithoutThrowing() {
		ProducerWarmUp warmUp = new ProducerWarmUp("UserSignedOut", this.kafka, this.unreachableRegistry,
				List.of(SAMPLE));
		long start = System.nanoTime();

		warmUp.run(Duration.ofSeconds(2));

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void constructorWhenNoSamplesThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ProducerWarmUp("x", this.kafka, this.unreachableRegistry, List.of()))
			.withMessage("samples cannot be empty or hold null");
	}

	@Test
	void runWhenTimeoutNegativeThenThrows() {
		ProducerWarmUp warmUp = new ProducerWarmUp("x", this.kafka, this.unreachableRegistry, List.of(SAMPLE));
		assertThatIllegalArgumentException().isThrownBy(() -> warmUp.run(Duration.ofSeconds(-1)))
			.withMessage("timeout cannot be null or negative");
	}

	@Test
	void sampleWhenEventNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ProducerWarmUp.Sample<UserSignedOut>(Topics.USER_SIGNED_OUT, null))
			.withMessage("event cannot be null");
	}

}
