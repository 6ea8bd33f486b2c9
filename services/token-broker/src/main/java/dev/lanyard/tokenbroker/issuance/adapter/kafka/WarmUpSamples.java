package dev.lanyard.tokenbroker.issuance.adapter.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.events.CredentialDenied;
import dev.lanyard.events.TokenIssued;
import dev.lanyard.platform.kafka.Topic;
import dev.lanyard.platform.kafka.Topics;

import org.springframework.kafka.core.KafkaOperations;

/**
 * Pays an audit producer's first send's one-off costs before the service takes traffic,
 * so the first request does not run into the ack timeout: the producer's connection,
 * metadata and producer id, and the serializer's registry client and schema lookup (a
 * throwaway serializer with the same settings serializes a sample event; nothing is
 * sent). Best effort and bounded: Kafka or the registry may still be starting.
 *
 * @param <V> the event type
 */
public final class AuditProducerWarmUp<V extends SpecificRecord> {

	private static final Logger log = LoggerFactory.getLogger(AuditProducerWarmUp.class);

	private final KafkaOperations<String, V> kafka;

	private final Topic<V> topic;

	private final V sample;

	private final Map<String, Object> serializerConfig;

	private final Duration timeout;

	AuditProducerWarmUp(KafkaOperations<String, V> kafka, Topic<V> topic, V sample,
			Map<String, Object> serializerConfig, Duration timeout) {
		if (kafka == null) {
			throw new IllegalArgumentException("kafka cannot be null");
		}
		if (topic == null) {
			throw new IllegalArgumentException("topic cannot be null");
		}
		if (sample == null) {
			throw new IllegalArgumentException("sample cannot be null");
		}
		if (serializerConfig == null) {
			throw new IllegalArgumentException("serializerConfig cannot be null");
		}
		if (timeout == null || timeout.isNegative()) {
			throw new IllegalArgumentException("timeout cannot be null or negative");
		}
		this.kafka = kafka;
		this.topic = topic;
		this.sample = sample;
		this.serializerConfig = Map.copyOf(serializerConfig);
		this.timeout = timeout;
	}

	public static AuditProducerWarmUp<TokenIssued> tokenIssued(KafkaOperations<String, TokenIssued> kafka,
			Map<String, Object> serializerConfig, Duration timeout) {
		Instant now = Instant.now();
		TokenIssued sample = TokenIssued.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOccurredAt(now)
			.setCorrelationId("warm-up")
			.setProducer(AuditEvents.PRODUCER)
			.setTokenId("warm-up")
			.setTokenSha256("0".repeat(64))
			.setTokenType("content-session")
			.setSubjectId("warm-up")
			.setSubjectType("content")
			.setScopes(List.of())
			.setAudience(List.of())
			.setGrantType("client_credentials")
			.setIssuedAt(now)
			.setExpiresAt(now.plusSeconds(1))
			.build();
		return new AuditProducerWarmUp<>(kafka, Topics.TOKEN_ISSUED, sample, serializerConfig, timeout);
	}

	public static AuditProducerWarmUp<CredentialDenied> credentialDenied(
			KafkaOperations<String, CredentialDenied> kafka, Map<String, Object> serializerConfig, Duration timeout) {
		CredentialDenied sample = CredentialDenied.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOccurredAt(Instant.now())
			.setCorrelationId("warm-up")
			.setProducer(AuditEvents.PRODUCER)
			.setSubjectId("warm-up")
			.setSubjectType("content")
			.setRequestedScopes(List.of())
			.setGrantType("warm-up")
			.setError("warm-up")
			.setReason("warm-up")
			.build();
		return new AuditProducerWarmUp<>(kafka, Topics.CREDENTIAL_DENIED, sample, serializerConfig, timeout);
	}

	/**
	 * Warms up for at most the timeout; what is not done by then goes on in the
	 * background.
	 */
	public void run() {
		long started = System.nanoTime();
		Thread warmUp = Thread.ofVirtual().name(this.topic.schemaName() + "-warm-up").start(this::warmUp);
		try {
			if (!warmUp.join(this.timeout)) {
				log.info("{} producer warm-up still running after {} ms; continuing in the background",
						this.topic.schemaName(), this.timeout.toMillis());
				return;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		log.info("{} producer warmed up in {} ms", this.topic.schemaName(), (System.nanoTime() - started) / 1_000_000);
	}

	private void warmUp() {
		try {
			this.kafka.partitionsFor(this.topic.name());
		}
		catch (RuntimeException ex) {
			log.info("Kafka not reachable yet for {}: {}", this.topic.name(), ex.getClass().getSimpleName());
		}
		try (AvroKafkaSerializer<V> serializer = new AvroKafkaSerializer<>()) {
			serializer.configure(this.serializerConfig, false);
			serializer.serialize(this.topic.name(), this.sample);
		}
		catch (RuntimeException ex) {
			log.info("Schema registry not reachable yet for {}: {}", this.topic.valueSubject(),
					ex.getClass().getSimpleName());
		}
	}

}
